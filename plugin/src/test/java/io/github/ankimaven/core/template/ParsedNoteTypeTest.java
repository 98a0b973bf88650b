package io.github.ankimaven.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ankimaven.core.model.CardTemplate;
import io.github.ankimaven.core.model.NoteType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Card generation and whole-card rendering for the built-in note types and a few of our own. */
class ParsedNoteTypeTest {

    private static final String BLANK_FRONT = "<div>The front of this card is blank.<br>"
            + "<a href='https://anki.tenderapp.com/kb/card-appearance/the-front-of-this-card-is-blank'>More information</a></div>";
    private static final String TYPE_BOX = "\n<center>\n<input type=text id=typeans onkeypress=\"_typeAnsPress();\"\n"
            + "   style=\"font-family: 'Arial'; font-size: 20px;\">\n</center>\n";

    @Test
    void basicNeedsAFront() {
        ParsedNoteType basic = StockNoteTypes.basic();
        assertEquals(List.of(0), basic.cardOrdinals(List.of("Q", "A")));
        assertEquals(List.of(0), basic.cardOrdinals(List.of("Q", "")));
        assertEquals(List.of(), basic.cardOrdinals(List.of("<div><br></div>", "A")));
        assertEquals(List.of(0), basic.cardOrdinalsForNewNote(List.of("", "A")), "Anki never adds a note without a card");
    }

    @Test
    void reversedCardsNeedTheirOwnFront() {
        ParsedNoteType reversed = StockNoteTypes.basicAndReversed();
        assertEquals(List.of(0, 1), reversed.cardOrdinals(List.of("Q", "A")));
        assertEquals(List.of(0), reversed.cardOrdinals(List.of("Q", "")));
        assertEquals(List.of(1), reversed.cardOrdinals(List.of("", "A")));
    }

    @Test
    void optionalReversedCardOnlyWithAddReverse() {
        ParsedNoteType optional = StockNoteTypes.basicOptionalReversed();
        assertEquals(List.of(0), optional.cardOrdinals(List.of("Q", "A", "")));
        assertEquals(List.of(0, 1), optional.cardOrdinals(List.of("Q", "A", "y")));
        assertEquals(List.of(0), optional.cardOrdinals(List.of("Q", "", "y")));
        assertEquals(List.of(1), optional.cardOrdinals(List.of("", "A", "y")));
    }

    @Test
    void clozeCardsComeFromTheNumbersInAnyField() {
        ParsedNoteType cloze = StockNoteTypes.cloze();
        assertEquals(List.of(0, 1), cloze.cardOrdinals(List.of("{{c1::Canberra::city}} is the capital of {{c2::Australia}}.", "")));
        assertEquals(List.of(0, 2), cloze.cardOrdinals(List.of("{{c1::a}} {{c1::b}}", "{{c3::in Back Extra}}")));
        assertEquals(List.of(), cloze.cardOrdinals(List.of("no cloze", "")));
        assertEquals(List.of(0), cloze.cardOrdinalsForNewNote(List.of("no cloze", "")));
    }

    @Test
    void rendersBasicWithFrontSide() {
        RenderedCard card = StockNoteTypes.basic().render(0, CardContent.of(List.of("<b>Q</b>", "A &amp; B")));
        assertEquals("<b>Q</b>", card.question());
        assertEquals("<b>Q</b>\n\n<hr id=answer>\n\nA &amp; B", card.answer());
        assertEquals(List.of(), card.frontProblems());
        assertEquals(List.of(), card.backProblems());
    }

    @Test
    void blankFrontShowsAnkisNotice() {
        RenderedCard card = StockNoteTypes.basic().render(0, CardContent.of(List.of(" <br> ", "A")));
        assertEquals(" <br> " + BLANK_FRONT, card.question());
        assertEquals(BLANK_FRONT, card.answer());
    }

    @Test
    void rendersClozeWithHintsAndMultipleNumbers() {
        ParsedNoteType cloze = StockNoteTypes.cloze();
        CardContent note = CardContent.of(List.of("{{c1::Canberra::city}} is the capital of {{c2::Australia}}.", "Since 1913"));
        RenderedCard first = cloze.render(0, note);
        assertEquals("<span class=\"cloze\" data-cloze=\"Canberra\" data-ordinal=\"1\">[city]</span> is the capital of "
                + "<span class=\"cloze-inactive\" data-ordinal=\"2\">Australia</span>.", first.question());
        assertEquals("<span class=\"cloze\" data-ordinal=\"1\">Canberra</span> is the capital of "
                + "<span class=\"cloze-inactive\" data-ordinal=\"2\">Australia</span>.<br>\nSince 1913", first.answer());
        assertTrue(cloze.render(1, note).question().endsWith("[...]</span>."));
        String missing = "<div>No cloze \u20683\u2069 found on card.\nPlease either add a cloze deletion, or use the Empty Cards tool."
                + "<br><a href='https://anki.tenderapp.com/kb/problems/no-cloze-found-on-card'>More information</a></div>";
        assertEquals(missing, cloze.render(2, note).answer());
    }

    @Test
    void previewShowsTheTypeInBoxAndTheExpectedAnswer() {
        ParsedNoteType typing = StockNoteTypes.basicTypeInTheAnswer();
        CardContent note = CardContent.of(List.of("Capital of France?", "<b>Pa</b>ris &amp; co<br>x"));
        RenderedCard raw = typing.render(0, note);
        assertEquals("Capital of France?\n\n[[type:Back]]", raw.question());
        RenderedCard preview = typing.preview(0, note);
        assertEquals("Capital of France?\n\n" + TYPE_BOX, preview.question());
        assertEquals("Capital of France?\n\n\n\n<hr id=answer>\n<div style=\"font-family: 'Arial'; font-size: 20px\">"
                + "<code id=typeans>Paris &amp; co x</code></div>", preview.answer());
        RenderedCard emptyBack = typing.preview(0, CardContent.of(List.of("Q", "")));
        assertEquals("Q\n\n", emptyBack.question());
        assertEquals("Q\n\n<hr id=answer>\n\n", emptyBack.answer());
    }

    @Test
    void previewTypesTheActiveClozeOrWarns() {
        ParsedNoteType typedCloze = new ParsedNoteType(NoteKind.CLOZE, "Typed cloze", List.of("Text"),
                List.of(new CardTemplate("Cloze", "{{cloze:Text}}{{type:cloze:Text}}", "{{cloze:Text}}{{type:cloze:Text}}")));
        CardContent note = CardContent.of(List.of("{{c1::one}} {{c1::one}} {{c2::two}}"));
        assertTrue(typedCloze.preview(0, note).answer().endsWith("<code id=typeans>one</code></div>"));
        assertTrue(typedCloze.preview(1, note).question().endsWith(TYPE_BOX));
        ParsedNoteType typedTags = new ParsedNoteType(NoteKind.STANDARD, "Typed tags", List.of("Front"),
                List.of(new CardTemplate("Card 1", "{{Front}} {{type:Tags}}", "{{type:Tags}}")));
        RenderedCard tags = typedTags.preview(0, new CardContent(List.of("Q"), List.of("t"), "Default", 0));
        assertEquals("Q Type answer: unknown field Tags", tags.question());
        assertEquals("", tags.answer());
    }

    @Test
    void specialFieldsDescribeTheCard() {
        ParsedNoteType noteType = new ParsedNoteType(NoteKind.STANDARD, "Vocabulary", List.of("Word"), List.of(new CardTemplate(
                "Recognition", "{{Word}}|{{Tags}}|{{Type}}|{{Deck}}|{{Subdeck}}|{{Card}}|{{CardFlag}}|{{#c1}}first{{/c1}}", "")));
        RenderedCard card = noteType.render(0, new CardContent(List.of("Hund"), List.of("de", "animals::pets"), "Languages::German", 3));
        assertEquals("Hund|de animals::pets|Vocabulary|Languages::German|German|Recognition|flag3|first", card.question());
    }

    @Test
    void noteFieldsWinOverSpecialFieldsOfTheSameName() {
        ParsedNoteType noteType = new ParsedNoteType(NoteKind.STANDARD, "Tagged", List.of("Tags"),
                List.of(new CardTemplate("Card 1", "{{Tags}}", "")));
        assertEquals("field", noteType.render(0, new CardContent(List.of("field"), List.of("tag"), "Default", 0)).question());
    }

    @Test
    void aBrokenTemplateShowsItsNoticeOnBothSides() {
        ParsedNoteType brokenFront = new ParsedNoteType(NoteKind.STANDARD, "Broken", List.of("Front"),
                List.of(new CardTemplate("Card 1", "{{#Front}}", "{{Front}}")));
        RenderedCard front = brokenFront.render(0, CardContent.of(List.of("x")));
        assertTrue(front.question().startsWith("Front template has a problem:"));
        assertEquals(front.question(), front.answer());
        assertEquals(List.of(TemplateProblem.Kind.SECTION_NOT_CLOSED), front.frontProblems().stream().map(TemplateProblem::kind).toList());

        ParsedNoteType brokenBack = new ParsedNoteType(NoteKind.STANDARD, "Broken", List.of("Front"),
                List.of(new CardTemplate("Card 1", "{{Front}}", "{{Back}}")));
        RenderedCard back = brokenBack.render(0, CardContent.of(List.of("x")));
        assertTrue(back.question().startsWith("Back template has a problem:"));
        assertEquals(back.question(), back.answer());
        assertEquals(List.of(TemplateProblem.Kind.UNKNOWN_FIELD), back.backProblems().stream().map(TemplateProblem::kind).toList());
        assertEquals(List.of(), brokenFront.cardOrdinals(List.of("x")), "no card from a front Anki cannot parse");
    }

    @Test
    void ourDefaultNoteTypeIsStandard() {
        ParsedNoteType termDefinition = ParsedNoteType.of(NoteType.termDefinition());
        assertEquals(NoteKind.STANDARD, termDefinition.kind());
        assertEquals(List.of(0, 1), termDefinition.cardOrdinals(List.of("term", "definition")));
        assertThrows(IllegalArgumentException.class, () -> termDefinition.cardOrdinals(List.of("term")));
    }
}
