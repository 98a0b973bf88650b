package io.github.ankimaven.core.template;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.ankimaven.core.model.CardTemplate;
import io.github.ankimaven.testsupport.anki.AnkiCards;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our card generation and rendering against Anki 2.1.66 itself (its Rust backend, with
 * rendering completed as the desktop does), over templates and notes chosen to reach every
 * rule: filters, special fields, sections, both syntaxes, errors, blank fronts, clozes.
 */
class AnkiAgreementTest {

    private static final List<String> FIELDS = List.of("Front", "Back", "Add Reverse", "Word", "Reading", "Extra");
    private static final List<String> CLOZE_FIELDS = List.of("Text", "Back Extra", "Notes");
    private static final List<String> TAGS = List.of("tag1", "Tag::Two");

    @TempDir
    static Path directory;
    static AnkiCards anki;

    @BeforeAll
    static void openAnki() {
        anki = AnkiCards.open(directory);
    }

    @AfterAll
    static void closeAnki() {
        anki.close();
    }

    @Test
    void standardCardsRenderAsInAnki() {
        List<CardTemplate> templates = List.of(
                template("{{Front}}", "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}"),
                template("{{#Add Reverse}}{{Back}}{{/Add Reverse}}", "{{FrontSide}}\n\n<hr id=answer>\n\n{{Front}}"),
                template("{{Front}}\n\n{{type:Back}}", "{{Front}}\n\n<hr id=answer>\n\n{{type:Back}}"),
                template("{{text:Extra}}|{{hint:Back}}|{{furigana:Word}}|{{kana:Word}}|{{kanji:Word}}|{{tts en_US:Front}}"
                        + "|{{text:foo:Reading}}|{{foo:text:Reading}}|{{::Front}}|{{cloze:Extra}}|{{cloze-only:Extra}}"
                        + "|{{type:cloze:Extra}}|{{filter:}}|{{hint:Add Reverse}}",
                        "{{FrontSide}}|{{text:FrontSide}}|{{cloze:Extra}}|{{cloze-only:Extra}}|{{text:Reading}}"),
                template("{{Tags}}|{{Type}}|{{Deck}}|{{Subdeck}}|{{Card}}|{{CardFlag}}|{{#c1}}one{{/c1}}{{^c1}}not one{{/c1}}"
                        + "{{#c2}}two{{/c2}}|{{FrontSide}}|{{Word}}", "{{#Tags}}tagged{{/Tags}}{{^Tags}}untagged{{/Tags}}"),
                template("{{#Front}}F{{#Back}}B{{^Add Reverse}}noAR{{/Add Reverse}}{{/Back}}{{/Front}}{{^Front}}no front{{/Front}}",
                        "{{ Front }}{{{Back}}}{{#  Word}}w{{/Word}} }} stray"),
                template("  {{=<% %>=}}\n<%Front%>{{Back}}<% #Word %>[<%Word%>]<%/Word%>", "<%FrontSide%>|<% text:Reading %>"),
                template("{{Add Reverse}}", "never shown"),
                template("static text {{#Front}}{{/Front}}", "back"),
                template("{{Front}}", "{{Nope}}"),
                template("{{#Front}}x", "back"),
                template("{{/Front}}", "back"),
                template("{{#Front}}{{/Back}}", "back"),
                template("text {{Front", "back"),
                template("{{Nope}}", "back"),
                template("{{^Front}}{{Nope}}{{/Front}}{{Front}}", "back"),
                template("{{#Nope}}{{/Nope}}{{Front}}", "back"),
                template("{{}}", "back"),
                template("{{#}}", "back"),
                template("{{text:Nope}}", "back"),
                template("{{!comment}}{{Front}}", "back"),
                template("{{c1}}", "back")); // not "{{=<% %>=}}<%Front": Anki loops forever on it
        List<List<String>> notes = List.of(
                List.of("Hello", "World", "", "漢字[かんじ]を 勉強[べんきょう]", "<b>bold</b> &amp; &lt;tag&gt;",
                        "{{c1::cloze}} text {{c2::two::hint}}"),
                List.of("", "World", "y", "", "<br>", " "),
                List.of("Front <div></div>", "", "", "[sound:a.mp3] x[y] a&nbsp;b[c]", "\\(<b>x</b>\\)", "{{c2::only two}}"),
                Collections.nCopies(FIELDS.size(), ""));
        long noteType = anki.addNoteType("Oracle", false, FIELDS, List.of(template("{{Front}}", "{{Back}}")));
        List<Executable> checks = new ArrayList<>();
        for (CardTemplate template : templates) {
            ParsedNoteType ours = new ParsedNoteType(NoteKind.STANDARD, "Oracle", FIELDS, List.of(template, template));
            for (List<String> note : notes) {
                for (int ord = 0; ord < 2; ord++) {
                    checks.add(sameCard(noteType, ours, ord, template, note));
                }
            }
        }
        assertAll(checks);
    }

    @Test
    void clozeCardsRenderAsInAnki() {
        List<CardTemplate> templates = List.of(
                template("{{cloze:Text}}", "{{cloze:Text}}<br>\n{{Back Extra}}"),
                template("{{cloze:Text}}\n{{type:cloze:Text}}", "{{cloze:Text}}<br>\n{{type:cloze:Text}}"),
                template("{{cloze-only:Text}}|{{cloze:Notes}}|{{#c2}}second{{/c2}}|{{Card}}", "{{cloze-only:Text}}|{{FrontSide}}"));
        List<List<String>> notes = List.of(
                List.of("{{c1::Canberra::city}} is the capital of {{c2::Australia}}.", "extra", ""),
                List.of("foo {{c1::bar {{c2::baz}}::qux}} {{c1::again}}", "", "{{c3::in notes}}"),
                List.of("no clozes", "", ""),
                List.of("\\(x^{{c1::<b>2</b>}}\\) {{c1::a \"quoted\" <i>b</i>}}}} stray {{c2::unclosed", "", ""),
                List.of("{{c1::same}} and {{c1::same}} {{c0::zero}}", "", ""),
                List.of("{{c1::a::b::c}} {{c2::}} {{c01::x}}}}} {{c2::a {{c2::b::inner}}::outer}} {{c1::&lt;&amp;::h&quot;}}", "", ""),
                List.of("{{c3::three}} {{c4::<img src=\"x.png\">}} {{c1:not}} {{c2::\\[<i>y</i>\\]}}", "", ""));
        long noteType = anki.addNoteType("Oracle Cloze", true, CLOZE_FIELDS, List.of(templates.get(0)));
        List<Executable> checks = new ArrayList<>();
        for (CardTemplate template : templates) {
            ParsedNoteType ours = new ParsedNoteType(NoteKind.CLOZE, "Oracle Cloze", CLOZE_FIELDS, List.of(template));
            for (List<String> note : notes) {
                for (int ord = 0; ord < 4; ord++) {
                    checks.add(sameCard(noteType, ours, ord, template, note));
                }
            }
        }
        assertAll(checks);
    }

    @Test
    void generatesTheCardsAnkiGenerates() {
        List<List<String>> twoFields = List.of(List.of("a", "b"), List.of("a", ""), List.of("", "b"), List.of("<br>", " "),
                List.of("&nbsp;", "<div></div>"), List.of("", ""));
        List<List<String>> threeFields = new ArrayList<>();
        for (int mask = 0; mask < 8; mask++) {
            threeFields.add(List.of((mask & 1) != 0 ? "x" : "", (mask & 2) != 0 ? "y" : "", (mask & 4) != 0 ? "z" : ""));
        }
        threeFields.add(List.of("<br />", "{{c1::a}}", "<DIV>\t</div>"));
        List<Executable> checks = new ArrayList<>();
        checks.addAll(sameCards(StockNoteTypes.basic(), twoFields));
        checks.addAll(sameCards(StockNoteTypes.basicAndReversed(), twoFields));
        checks.addAll(sameCards(StockNoteTypes.basicOptionalReversed(), threeFields));
        checks.addAll(sameCards(StockNoteTypes.basicTypeInTheAnswer(), twoFields));
        checks.addAll(sameCards(new ParsedNoteType(NoteKind.STANDARD, "Conditional", List.of("A", "B", "C"), List.of(
                template("{{#A}}{{B}}{{/A}}", "x"),
                template("{{^A}}{{C}}{{/A}}", "x"),
                template("{{A}}{{#B}}{{C}}{{/B}}", "x"),
                template("static {{#C}}{{/C}}", "x"),
                template("{{text:A}}{{hint:B}}", "x"),
                template("{{cloze:C}}", "x"),
                template("{{#A}}{{#B}}{{^C}}{{A}}{{/C}}{{/B}}{{/A}}", "x"))), threeFields));
        checks.addAll(sameCards(StockNoteTypes.cloze(), List.of(List.of("{{c2::a}}", "{{c1::b}}"), List.of("", ""))));
        checks.addAll(sameCards(new ParsedNoteType(NoteKind.CLOZE, "Two cloze fields", List.of("Text", "Extra", "Other"), List.of(
                template("{{cloze:Text}}{{cloze:Extra}}", "{{cloze:Text}}{{cloze:Extra}}"))), List.of(
                List.of("{{c1::a}} {{c3::b}}", "{{c2::c}}", ""),
                List.of("no cloze", "", "{{c4::only in a field the template does not cloze}}"),
                List.of("{{c2::x {{c5::nested}}}}", "", ""),
                List.of("{{c0::zero}}", "", ""),
                List.of("{{c1::unclosed", "", ""),
                List.of("", "", ""))));
        assertAll(checks);
    }

    @Test
    void clozeZeroBesideClozeOneIsTheOneKnownDifference() {
        List<String> fields = List.of("Text");
        CardTemplate cloze = template("{{cloze:Text}}", "{{cloze:Text}}");
        long noteType = anki.addNoteType("Zero", true, fields, List.of(cloze));
        List<String> note = List.of("{{c0::zero}} {{c1::one}}");
        // Anki maps both c0 and c1 to card 0 and adds that card twice; we add it once and report c0
        assertEquals(List.of(0, 0), anki.addNote(noteType, note));
        assertEquals(List.of(0), new ParsedNoteType(NoteKind.CLOZE, "Zero", fields, List.of(cloze)).cardOrdinals(note));
        assertEquals(List.of(ClozeProblem.Kind.NUMBER_OUT_OF_RANGE),
                Cloze.problems(note.get(0)).stream().map(ClozeProblem::kind).toList());
    }

    private static Executable sameCard(long noteType, ParsedNoteType ours, int ord, CardTemplate template, List<String> note) {
        return () -> {
            AnkiCards.Card expected = anki.render(noteType, ord, template, note, TAGS);
            RenderedCard actual = ours.render(ord, new CardContent(note, TAGS, "(Deck)", 0));
            String label = "card " + ord + " of " + template + " with " + note;
            assertEquals(withoutHintIds(expected.question()), withoutHintIds(actual.question()), "question of " + label);
            assertEquals(withoutHintIds(expected.answer()), withoutHintIds(actual.answer()), "answer of " + label);
        };
    }

    private static List<Executable> sameCards(ParsedNoteType ours, List<List<String>> notes) {
        long noteType = anki.addNoteType(ours.name(), ours.kind() == NoteKind.CLOZE, ours.fieldNames(), ours.templates());
        return notes.stream().<Executable>map(note -> () -> assertEquals(anki.addNote(noteType, note),
                ours.cardOrdinalsForNewNote(note), ours.name() + " with " + note)).toList();
    }

    /** Anki derives the hint's element id from BLAKE3, we from SHA-256. */
    private static String withoutHintIds(String html) {
        return html.replaceAll("hint[0-9a-f]{16}", "hint-id");
    }

    private static CardTemplate template(String front, String back) {
        return new CardTemplate("Card", front, back);
    }
}
