package io.github.ankimaven.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.ankimaven.core.format.FieldFormat;
import io.github.ankimaven.core.model.BuiltInNoteTypes;
import io.github.ankimaven.core.model.Finding;
import io.github.ankimaven.core.model.NoteType;
import io.github.ankimaven.testsupport.ApkgContents;
import io.github.ankimaven.testsupport.anki.AnkiCollection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Built-in and custom note types: the cards Anki makes, and every check with its exact message. */
class NoteTypesTest {

    @TempDir
    Path dir;

    private static List<String> texts(List<Finding> findings) {
        return findings.stream().map(f -> f.severity() + " " + f).toList();
    }

    private DeckRequest withType(TestDecks deck, String key) {
        DeckRequest request = deck.request();
        return request.withNoteTypes(BuiltInNoteTypes.forKey(key, request.deckName()).orElseThrow(), List.of());
    }

    @Test
    void everyBuiltInNoteTypeMakesTheCardsAnkiMakes() throws Exception {
        record Case(String key, String csv, int notes, int cards) {}
        List<Case> cases = List.of(
                new Case("basic", "Front,Back\nq1,a1\nq2,a2\n", 2, 2),
                new Case("basic-and-reversed", "Front,Back\nq1,a1\nq2,a2\n", 2, 4),
                new Case("basic-optional-reversed", "Front,Back,Add Reverse\nq1,a1,y\nq2,a2,\n", 2, 3),
                new Case("basic-type-in-answer", "Front,Back\nq1,a1\n", 1, 1),
                new Case("cloze", "Text,Back Extra\n\"{{c1::a}} {{c2::b}} {{c1::c}}\",x\n{{c3::only three}},\n", 2, 3));
        for (Case c : cases) {
            TestDecks deck = new TestDecks(dir.resolve(c.key())).file("cards.csv", c.csv());
            DeckReport report = DeckBuilder.build(withType(deck, c.key()), deck.output());
            assertEquals(List.of(), texts(report.findings()), c.key());
            AnkiCollection learner = new AnkiCollection(dir.resolve("learner-" + c.key()));
            assertEquals("new=" + c.notes() + " updated=0 duplicate=0 conflicting=0", learner.importPackage(deck.output()).summary());
            assertEquals(c.cards(), learner.count("cards"), c.key() + ": the package holds the cards Anki itself makes");
            assertEquals(List.of(), learner.checkDatabase(), c.key() + ": Check Database has nothing to fix");
        }
        try (ApkgContents apkg = new ApkgContents(dir.resolve("cloze/target/test-deck.apkg"), dir)) {
            assertEquals(List.of(0, 1, 2), apkg.rows("SELECT ord FROM cards ORDER BY ord").stream().map(r -> r.get("ord")).toList(),
                    "cloze cards: one per number, ord = number - 1");
            assertEquals(1, apkg.colJson("models").elements().next().get("type").asInt());
            assertEquals("Cloze (Test Deck)", apkg.colJson("models").elements().next().get("name").asText());
        }
    }

    @Test
    void clozeAndCardProblemsAreReportedAtTheirLines() throws Exception {
        TestDecks deck = new TestDecks(dir).file("cards.csv", "Text,Back Extra\n"
                + "no deletion here,\n"
                + "\"first line\n{{c1::unclosed\",\n"
                + "{{c0::zero}},\n");
        DeckReport report = DeckBuilder.build(withType(deck, "cloze"), deck.output());
        assertEquals(List.of(
                "ERROR src/main/anki/cards.csv:2: no cloze deletion: write the text to hide as {{c1::…}} (c2, c3… for more cards)",
                "ERROR src/main/anki/cards.csv:3: no cloze deletion: write the text to hide as {{c1::…}} (c2, c3… for more cards)",
                "ERROR src/main/anki/cards.csv:4: Text: '{{c1::' is never closed with '}}': Anki shows nothing from there to the"
                        + " end of the field",
                "ERROR src/main/anki/cards.csv:5: Text: cloze number 0 is out of range: Anki asks c1 to c500 only"),
                texts(report.findings()));
        assertFalse(Files.exists(deck.output()));
    }

    /** A "Vocabulary" note type (Word, Meaning; one card) loaded from template and styling files written into {@code directory}. */
    private NoteType vocabularyType(String directory, String front, String back, String css) throws Exception {
        return vocabularyType(directory, List.of("Word", "Meaning"), front, back, css);
    }

    private NoteType vocabularyType(String directory, List<String> fields, String front, String back, String css) throws Exception {
        Path templates = Files.createDirectories(dir.resolve(directory));
        Files.writeString(templates.resolve("front.html"), front);
        Files.writeString(templates.resolve("back.html"), back);
        Files.writeString(templates.resolve("style.css"), css);
        return new NoteTypeDefinition("Vocabulary", "standard", fields,
                List.of(new NoteTypeDefinition.TemplateFiles("Card 1", templates.resolve("front.html"), templates.resolve("back.html"))),
                templates.resolve("style.css"), null).load(dir);
    }

    @Test
    void aByteOrderMarkThatAWindowsEditorWroteIsNotPartOfTheStylingOrTemplates() throws Exception {
        NoteType vocabulary = vocabularyType("bom", "\uFEFF{{Word}}\r\n", "\uFEFF{{FrontSide}}<hr id=answer>{{Meaning}}",
                "\uFEFF.card { color: navy; }\r\n");
        assertEquals(".card { color: navy; }\n", vocabulary.css(), "a leading U+FEFF would make the first selector match nothing");
        assertEquals("{{Word}}\n", vocabulary.templates().get(0).front());
        assertEquals("{{FrontSide}}<hr id=answer>{{Meaning}}", vocabulary.templates().get(0).back());
    }

    @Test
    void customNoteTypesAreCheckedAtTheirTemplateAndStylingLines() throws Exception {
        NoteType vocabulary = vocabularyType("templates", "<div>\n{{Meaning}}\n{{Wrod}}</div>\n", "{{FrontSide}}\n{{#Meaning}}{{Meaning}}\n",
                ".card {\n  color: red;\n  background: url(paper.png);\n}\n.broken { color: ; \n");
        TestDecks deck = new TestDecks(dir).file("cards.csv", "Word,Meaning\nephemeral,short-lived\nlatency,\n");
        DeckRequest request = deck.requestWithMedia().withNoteTypes(vocabulary, List.of(vocabulary));
        DeckReport report = DeckBuilder.build(request, deck.output());
        assertEquals(List.of(
                "ERROR src/main/anki/cards.csv:3: this note makes no card: every card's front would be empty; fill Meaning",
                "ERROR templates/back.html:2: the back of \"Card 1\" (note type \"Vocabulary\"): Missing '{{/Meaning}}'",
                "ERROR templates/front.html:3: the front of \"Card 1\" (note type \"Vocabulary\"): Found '{{Wrod}}', but there is"
                        + " no field called 'Wrod'",
                "ERROR templates/style.css:3: no media file \"paper.png\" in src/main/anki/media: add it there or correct the"
                        + " reference",
                "ERROR templates/style.css:3: the styling refers to \"paper.png\", but Anki imports a file for templates and"
                        + " styling only if its name starts with \"_\": rename the file and its references to \"_paper.png\"",
                "WARNING templates/style.css:5: styling does not parse: Error in expression. (Invalid token \";\".) (browsers skip"
                        + " what they cannot read; fix it)"),
                texts(report.findings()));
        assertFalse(Files.exists(deck.output()));
    }

    @Test
    void aMediaFileThatOnlyATemplateNamesFromAFieldIsAnErrorAtTheField() throws Exception {
        NoteType pictures = vocabularyType("pictures", List.of("Word", "Picture", "Audio"),
                "{{Word}}\n<img src=\"{{Picture}}\">\n[sound:{{Audio}}]\n", "{{FrontSide}}<hr id=answer><img src=\"{{Picture}}\">",
                ".card { color: navy; }\n");
        TestDecks deck = new TestDecks(dir.resolve("names")).file("cards.csv", "Word,Picture,Audio\n"
                        + "cat,cat.png,cat.mp3\n"
                        + "dog,https://example.com/dog.png,\n"
                        + "bird,,\n")
                .media("cat.png", new byte[] {1}).media("cat.mp3", new byte[] {2});
        DeckRequest request = deck.requestWithMedia().withNoteTypes(pictures, List.of(pictures))
                .withFormats(FieldFormat.TEXT, java.util.Map.of());
        String rest = ", but Anki imports only the media files that fields themselves refer to, so learners would never get it: ";
        assertEquals(List.of(
                "ERROR src/main/anki/cards.csv:2: Audio: the front of \"Card 1\" shows \"cat.mp3\" with [sound:{{Audio}}]"
                        + rest + "write [sound:cat.mp3] into the field, and {{Audio}} instead of [sound:{{Audio}}] into the template",
                "ERROR src/main/anki/cards.csv:2: Picture: the front of \"Card 1\" shows \"cat.png\" with <img src=\"{{Picture}}\">"
                        + rest + "make the field HTML or Markdown (<fieldFormats>) and write <img src=\"cat.png\"> or ![](cat.png) into"
                        + " it, and {{Picture}} instead of <img src=\"{{Picture}}\"> into the template"),
                texts(DeckBuilder.build(request, deck.output()).findings()),
                "a web address and an empty field are fine; the files are not reported as unused too");
        assertFalse(Files.exists(deck.output()));

        // What the message asks for: the field refers to the file, which Anki 2.1.66 then imports.
        NoteType fixed = vocabularyType("fixed", List.of("Word", "Picture", "Audio"), "{{Word}}\n{{Picture}}\n{{Audio}}\n",
                "{{FrontSide}}", ".card { color: navy; }\n");
        TestDecks fixedDeck = new TestDecks(dir.resolve("fields")).file("cards.csv", "Word,Picture,Audio\n"
                        + "cat,![](cat.png),[sound:cat.mp3]\n")
                .media("cat.png", new byte[] {1}).media("cat.mp3", new byte[] {2});
        DeckRequest fixedRequest = fixedDeck.requestWithMedia().withNoteTypes(fixed, List.of(fixed))
                .withFormats(FieldFormat.TEXT, java.util.Map.of("Picture", FieldFormat.MARKDOWN));
        assertEquals(List.of(), texts(DeckBuilder.build(fixedRequest, fixedDeck.output()).findings()));
        AnkiCollection learner = new AnkiCollection(dir.resolve("learner"));
        assertEquals("new=1 updated=0 duplicate=0 conflicting=0", learner.importPackage(fixedDeck.output()).summary());
        assertEquals(List.of("cat.mp3", "cat.png"), Files.list(dir.resolve("learner/collection.media"))
                .map(p -> p.getFileName().toString()).sorted().toList());
    }

    @Test
    void theDefaultNoteTypeCarriesTheDecksNameSoTwoDecksDoNotBecomeTermDefinitionAndTermDefinitionPlus() throws Exception {
        AnkiCollection learner = new AnkiCollection(dir.resolve("learner"));
        for (String name : List.of("Verbs", "Nouns")) {
            TestDecks deck = new TestDecks(dir.resolve(name)).file("cards.csv", "Term,Definition\n" + name + ",a word\n");
            DeckRequest plain = deck.request();
            DeckRequest request = new DeckRequest(name, "", "com.example:" + name, plain.cardFiles(), plain.encoding(), List.of(),
                    plain.noteType(), plain.duplicateTermSeverity(), plain.buildTime());
            request = request.withNoteTypes(BuiltInNoteTypes.forKey("term-definition", name).orElseThrow(), List.of());
            assertEquals(List.of(), texts(DeckBuilder.build(request, deck.output()).findings()));
            assertEquals("new=1 updated=0 duplicate=0 conflicting=0", learner.importPackage(deck.output()).summary());
        }
        assertEquals(List.of("Term-Definition (Nouns)", "Term-Definition (Verbs)"),
                learner.column("SELECT name COLLATE BINARY FROM notetypes ORDER BY name COLLATE BINARY").stream()
                        .filter(name -> name.toString().startsWith("Term")).toList(), "no \"Term-Definition+\"");
    }
}
