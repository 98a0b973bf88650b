package io.github.ankimaven.core.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.ankimaven.core.format.FieldFormat;
import io.github.ankimaven.core.model.CardTemplate;
import io.github.ankimaven.core.model.Finding;
import io.github.ankimaven.core.model.Note;
import io.github.ankimaven.core.model.NoteType;
import io.github.ankimaven.core.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldMediaInTemplatesTest {

    private static final NoteType WORDS = new NoteType("Words", List.of("Word", "Picture", "Audio"), List.of(new CardTemplate("Card 1",
            "{{Word}}{{#Picture}}<IMG class=big src='{{text:Picture}}.jpg'>{{/Picture}}<audio controls src={{Audio}}></audio>",
            "{{FrontSide}}<object data=\"{{Picture}}.jpg\"></object>")), ".card {}", 0);

    private final List<Finding> findings = new ArrayList<>();
    private final List<MediaReference> references = new ArrayList<>();

    private List<String> check(FieldFormat format, String picture, String audio) {
        Note note = new Note(WORDS, new SourceLocation("cards.csv", 7), List.of("word", picture, audio), List.of(), null, "Deck",
                List.of(7, 7, 8));
        FieldFormat[] formats = {format, format, format};
        FieldMediaInTemplates.of(WORDS).check(note, List.of("word", picture, audio), formats, findings::add, references::add);
        return findings.stream().map(Finding::toString).toList();
    }

    @Test
    void theAdviceFitsTheTagAndTheFieldsFormat() {
        String rest = ", but Anki imports only the media files that fields themselves refer to, so learners would never get it: ";
        assertEquals(List.of(
                "cards.csv:7: Picture: the front of \"Card 1\" shows \"a&b.jpg\" with <IMG class=big src='{{text:Picture}}.jpg'>"
                        + rest + "write <img src=\"a&b.jpg\"> into the field, and {{Picture}} instead of <IMG class=big"
                        + " src='{{text:Picture}}.jpg'> into the template",
                "cards.csv:8: Audio: the front of \"Card 1\" shows \"cat.mp3\" with <audio controls src={{Audio}}>" + rest
                        + "write [sound:cat.mp3] into the field, and {{Audio}} instead of <audio controls src={{Audio}}> into the"
                        + " template"),
                check(FieldFormat.HTML, "a&amp;b", "cat.mp3"), "the back's <object> names the same file: reported once");
        assertEquals(List.of("a&b.jpg", "cat.mp3"), references.stream().map(MediaReference::name).toList());
    }

    @Test
    void markdownFieldsGetMarkdownAndWebAddressesOrMarkupAreNoFiles() {
        assertEquals(List.of("cards.csv:7: Picture: the front of \"Card 1\" shows \"cat.jpg\" with <IMG class=big"
                + " src='{{text:Picture}}.jpg'>, but Anki imports only the media files that fields themselves refer to, so learners"
                + " would never get it: write ![](cat.jpg) into the field, and {{Picture}} instead of <IMG class=big"
                + " src='{{text:Picture}}.jpg'> into the template"), check(FieldFormat.MARKDOWN, "cat", ""));
        findings.clear();
        assertEquals(List.of(), check(FieldFormat.HTML, "https://example.com/cat", "<b>loud</b>"));
        assertEquals(List.of(), check(FieldFormat.TEXT, "", " "));
        assertEquals(List.of(), check(FieldFormat.TEXT, "_cat", "_cat.mp3"), "Anki imports files whose names start with _");
        assertEquals(List.of("cat.jpg", "_cat.jpg", "_cat.mp3"), references.stream().map(MediaReference::name).toList(),
                "still checked like references: a missing one is an error");
    }

    @Test
    void noteTypesThatNameNoFileFromAFieldCostNothing() {
        NoteType plain = NoteType.termDefinition();
        Note note = new Note(plain, new SourceLocation("cards.csv", 2), List.of("cat.png", "x"), List.of(), null, "Deck", List.of(2, 2));
        FieldMediaInTemplates.of(plain).check(note, note.fields(), new FieldFormat[] {FieldFormat.TEXT, FieldFormat.TEXT},
                findings::add, references::add);
        assertEquals(List.of(), findings);
    }

    @Test
    void tagsThatSectionsHideOrCardsTheNoteDoesNotMakeShowNothing() {
        NoteType guarded = new NoteType("Guarded", List.of("Word", "Picture", "Show", "Reverse"), List.of(
                new CardTemplate("Card 1", "{{Word}}{{#Show}}<img src=\"{{Picture}}\">{{/Show}}{{^Show}}[sound:{{Word}}.mp3]{{/Show}}",
                        "{{FrontSide}}"),
                new CardTemplate("Card 2", "{{#Reverse}}{{Word}}<img src=\"{{Picture}}\">{{/Reverse}}", "{{FrontSide}}")),
                ".card {}", 0);
        FieldFormat[] text = {FieldFormat.TEXT, FieldFormat.TEXT, FieldFormat.TEXT, FieldFormat.TEXT};
        java.util.function.Function<List<String>, List<String>> check = fields -> {
            findings.clear();
            Note note = new Note(guarded, new SourceLocation("cards.csv", 2), fields, List.of(), null, "Deck", List.of(2, 2, 2, 2));
            FieldMediaInTemplates.of(guarded).check(note, fields, text, findings::add, references::add);
            return findings.stream().map(f -> f.message().substring(0, f.message().indexOf(" with "))).toList();
        };
        assertEquals(List.of("Word: the front of \"Card 1\" shows \"cat.mp3\""), check.apply(List.of("cat", "cat.png", "", "")),
                "{{#Show}} hides the picture; {{^Show}} shows the sound; no reverse card");
        assertEquals(List.of("Picture: the front of \"Card 1\" shows \"cat.png\""), check.apply(List.of("cat", "cat.png", "y", "")));
        assertEquals(List.of("Word: the front of \"Card 1\" shows \"cat.mp3\"", "Picture: the front of \"Card 2\" shows \"cat.png\""),
                check.apply(List.of("cat", "cat.png", "", "y")), "the note makes the reverse card, which shows the picture");
    }

    @Test
    void aNameWithASectionOrASpecialFieldInItIsNotWorkedOut() {
        NoteType special = new NoteType("Special", List.of("Word", "Pic"), List.of(new CardTemplate("Card 1",
                "{{Word}}<img src=\"{{#Pic}}{{Pic}}{{/Pic}}{{^Pic}}_none.png{{/Pic}}\"><img src=\"_{{Deck}}-{{Word}}.png\">",
                "{{FrontSide}}")), ".card {}", 0);
        Note note = new Note(special, new SourceLocation("cards.csv", 2), List.of("cat", "_cat.png"), List.of(), null, "Deck",
                List.of(2, 2));
        FieldMediaInTemplates.of(special).check(note, note.fields(), new FieldFormat[] {FieldFormat.TEXT, FieldFormat.TEXT},
                findings::add, references::add);
        assertEquals(List.of(), findings);
        assertEquals(List.of(), references, "no made-up names such as \"_cat.png_none.png\" or \"_-cat.png\"");
    }
}
