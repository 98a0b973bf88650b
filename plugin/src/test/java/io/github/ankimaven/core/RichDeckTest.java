package io.github.ankimaven.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ankimaven.core.format.FieldFormat;
import io.github.ankimaven.core.model.Finding;
import io.github.ankimaven.testsupport.ApkgContents;
import io.github.ankimaven.testsupport.anki.AnkiCollection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Markdown and HTML fields, and media that always arrives: packed, checked, imported by Anki 2.1.66. */
class RichDeckTest {

    @TempDir
    Path dir;

    private static final byte[] SVG = "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>".getBytes(StandardCharsets.UTF_8);

    private static List<String> texts(List<Finding> findings) {
        return findings.stream().map(f -> f.severity() + " " + f).toList();
    }

    @Test
    void markdownFieldsAndReferencedMediaArriveInTheLearnersCollection() throws Exception {
        TestDecks deck = new TestDecks(dir.resolve("project"))
                .file("cards.csv", "Term,Definition\n"
                        + "Hypervisor,\"Runs **virtual machines**:\n\n- type 1\n- type 2\n\n![diagram](hypervisors.svg)\"\n"
                        + "Beep,[sound:beep.wav] a *short* sound\n")
                .media("hypervisors.svg", SVG)
                .media("beep.wav", new byte[] {'R', 'I', 'F', 'F', 1, 2, 3})
                .media("_deck.css", ".card { color: navy; }".getBytes(StandardCharsets.UTF_8));
        DeckRequest request = deck.requestWithMedia().withFormats(FieldFormat.TEXT, Map.of("Definition", FieldFormat.MARKDOWN));
        DeckReport report = DeckBuilder.build(request, deck.output());
        assertEquals(List.of(), texts(report.findings()));
        assertEquals(3, report.mediaFiles());
        try (ApkgContents apkg = new ApkgContents(deck.output(), dir)) {
            assertEquals("{\"0\":\"_deck.css\",\"1\":\"beep.wav\",\"2\":\"hypervisors.svg\"}", apkg.media.toString(),
                    "media numbered in sorted name order");
            assertEquals(List.of("collection.anki2", "0", "1", "2", "media"), apkg.entryNames);
            assertEquals(ZipEntry.STORED, apkg.entries.get(1).getMethod());
            assertEquals(List.of("Hypervisor\u001f<p>Runs <strong>virtual machines</strong>:</p>\n<ul>\n<li>type 1</li>\n"
                    + "<li>type 2</li>\n</ul>\n<p><img src=\"hypervisors.svg\" alt=\"diagram\"></p>",
                    "Beep\u001f[sound:beep.wav] a <em>short</em> sound"),
                    apkg.rows("SELECT flds FROM notes ORDER BY id").stream().map(r -> r.get("flds")).toList());
        }
        try (ZipFile zip = new ZipFile(deck.output().toFile())) {
            assertEquals(new String(SVG, StandardCharsets.UTF_8), new String(zip.getInputStream(zip.getEntry("2")).readAllBytes(),
                    StandardCharsets.UTF_8));
        }
        AnkiCollection learner = new AnkiCollection(dir.resolve("learner"));
        assertEquals("new=2 updated=0 duplicate=0 conflicting=0", learner.importPackage(deck.output()).summary());
        Path mediaFolder = dir.resolve("learner/collection.media");
        assertEquals(List.of("_deck.css", "beep.wav", "hypervisors.svg"),
                Files.list(mediaFolder).map(p -> p.getFileName().toString()).sorted().toList(),
                "every referenced file (and the _ file) is in the learner's media folder");
        assertTrue(java.util.Arrays.equals(SVG, Files.readAllBytes(mediaFolder.resolve("hypervisors.svg"))));
        assertEquals(List.of(), learner.checkDatabase());
    }

    @Test
    void mediaProblemsFailTheBuildAtTheRowsThatMakeThemAndLeaveNoPackage() throws Exception {
        TestDecks deck = new TestDecks(dir.resolve("project"))
                .file("cards.csv", "Term,Definition\n"
                        + "Missing,<img src=\"dog.png\">\n"
                        + "Unsafe,<img src=\"a?b.png\">\n"
                        + "Escaping,<img src=\"../secret.png\">\n"
                        + "Broken,\"<b>bold\nnever closed\"\n"
                        + "Script,<script>alert(1)</script>\n")
                .media("unused.png", SVG)
                .media("a?b.png", SVG);
        Files.createDirectories(deck.output().getParent());
        Files.writeString(deck.output(), "stale");
        DeckRequest request = deck.requestWithMedia().withFormats(FieldFormat.HTML, Map.of());
        DeckReport report = DeckBuilder.build(request, deck.output());
        assertEquals(List.of(
                "ERROR src/main/anki/cards.csv:2: no media file \"dog.png\" in src/main/anki/media: add it there or correct the reference",
                "ERROR src/main/anki/cards.csv:3: media name \"a?b.png\" contains \"?\", which Anki removes; rename the file and its"
                        + " references to \"ab.png\"",
                "ERROR src/main/anki/cards.csv:4: media name \"../secret.png\" is a path, but Anki keeps all media in one folder:"
                        + " put the file directly into the media directory and refer to it by its bare name",
                "ERROR src/main/anki/cards.csv:5: Definition: <b> is not closed: add </b> where it should end; an open tag spills"
                        + " over into the rest of the card",
                "ERROR src/main/anki/cards.csv:7: Definition: remove the <script> element: Anki would run it whenever the card is shown;"
                        + " scripts belong in the card template",
                "WARNING src/main/anki/media/unused.png:1: media file \"unused.png\" is not referenced by any field, template,"
                        + " styling or description, so it is not packed: delete it, refer to it, or start its name with \"_\" to pack it anyway"),
                texts(report.findings()));
        assertFalse(Files.exists(deck.output()), "no package, and no stale one either");
    }

    @Test
    void aDescriptionFileIsRenderedFromMarkdown() throws Exception {
        TestDecks deck = new TestDecks(dir.resolve("project")).file("cards.csv", "Term,Definition\na,b\n");
        Path markdown = dir.resolve("project/src/main/anki/description.md");
        Files.writeString(markdown, "\uFEFFCards about **virtualization**.\r\n\r\n- hypervisors\n- the cloud\n"); // as Notepad saves it
        DeckRequest request = deck.request().withDescriptionFile(new io.github.ankimaven.core.model.CardFile(markdown,
                "src/main/anki/description.md"));
        DeckBuilder.build(request, deck.output());
        try (ApkgContents apkg = new ApkgContents(deck.output(), dir)) {
            assertTrue(apkg.colJson("decks").toString().contains(
                    "\"desc\":\"<p>Cards about <strong>virtualization</strong>.</p>\\n<ul>\\n<li>hypervisors</li>\\n<li>the cloud</li>\\n</ul>\""),
                    apkg.colJson("decks").toString());
        }
    }

    @Test
    void aDescriptionFileInAnotherEncodingIsAClearErrorAndAnEarlierPackageGoes() throws Exception {
        TestDecks deck = new TestDecks(dir.resolve("latin")).file("cards.csv", "Term,Definition\na,b\n");
        DeckBuilder.build(deck.request(), deck.output());
        Path markdown = dir.resolve("latin/src/main/anki/description.md");
        Files.write(markdown, "Caf\u00e9 words".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        DeckRequest request = deck.request().withDescriptionFile(new io.github.ankimaven.core.model.CardFile(markdown,
                "src/main/anki/description.md"));
        io.github.ankimaven.core.DeckConfigurationException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.github.ankimaven.core.DeckConfigurationException.class, () -> DeckBuilder.build(request, deck.output()));
        org.junit.jupiter.api.Assertions.assertEquals("the description src/main/anki/description.md is not valid UTF-8: save it as"
                + " UTF-8 or set <encoding>", e.getMessage());
        assertTrue(!Files.exists(deck.output()), "the package of the earlier build does not look like this build's");
    }

    @Test
    void aFieldFormatMayNameAFieldOfABuiltInNoteTypeAFileChooses() throws Exception {
        TestDecks deck = new TestDecks(dir.resolve("formats")).file("cards.csv", "Term,Definition\na,b\n")
                .file("cloze.csv", "#notetype: cloze\nText,Back Extra\n{{c1::Paris}} is *the* capital,\n");
        DeckReport report = DeckBuilder.build(deck.request().withFormats(FieldFormat.TEXT, Map.of("Text", FieldFormat.MARKDOWN)),
                deck.output());
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), report.findings());
        io.github.ankimaven.core.DeckConfigurationException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.github.ankimaven.core.DeckConfigurationException.class, () -> DeckBuilder.build(
                        deck.request().withFormats(FieldFormat.TEXT, Map.of("Defintion", FieldFormat.MARKDOWN)), deck.output()));
        org.junit.jupiter.api.Assertions.assertEquals("<fieldFormats> names [Defintion], which no note type of the deck has"
                + " (built-in or declared); the deck's note type has [Term, Definition]", e.getMessage());
    }

    @Test
    void aDescriptionFindingNamesItsLineAfterLeadingBlankLines() throws Exception {
        TestDecks deck = new TestDecks(dir.resolve("described")).file("cards.csv", "Term,Definition\na,b\n");
        Path markdown = dir.resolve("described/src/main/anki/description.md");
        Files.writeString(markdown, "\n\nAbout the deck.\n\n<b>unclosed\n");
        DeckReport report = DeckBuilder.build(deck.request().withDescriptionFile(new io.github.ankimaven.core.model.CardFile(
                markdown, "src/main/anki/description.md")), deck.output());
        org.junit.jupiter.api.Assertions.assertEquals(List.of("src/main/anki/description.md:5"),
                report.findings().stream().map(f -> f.location().toString()).toList());
    }

    @Test
    void imagesInTheDescriptionAreCheckedAndPackedAndNeedAnUnderscoredName() throws Exception {
        TestDecks deck = new TestDecks(dir.resolve("pictured")).file("cards.csv", "Term,Definition\na,b\n")
                .media("logo.png", SVG).media("_logo.png", SVG).media("_banner.png", SVG);
        Path markdown = dir.resolve("pictured/src/main/anki/description.md");
        Files.writeString(markdown, "\nAbout the deck: ![small logo](_logo.png)\n\n![logo](logo.png) and ![](missing.png)\n");
        DeckRequest request = deck.requestWithMedia().withDescriptionFile(new io.github.ankimaven.core.model.CardFile(markdown,
                "src/main/anki/description.md"));
        assertEquals(List.of(
                "ERROR src/main/anki/description.md:4: no media file \"missing.png\" in src/main/anki/media: add it there or"
                        + " correct the reference",
                "ERROR src/main/anki/description.md:4: the deck description refers to \"logo.png\", but Anki imports a file for"
                        + " the deck description only if its name starts with \"_\": rename the file and its references to"
                        + " \"_logo.png\"",
                "ERROR src/main/anki/description.md:4: the deck description refers to \"missing.png\", but Anki imports a file"
                        + " for the deck description only if its name starts with \"_\": rename the file and its references to"
                        + " \"_missing.png\""),
                texts(DeckBuilder.build(request, deck.output()).findings()),
                "at the line that names the file (not at _logo.png's); logo.png is not reported as unused either");

        Files.writeString(markdown, "\nAbout the deck.\n\n![banner](_banner.png)\n");
        Files.delete(dir.resolve("pictured/src/main/anki/media/logo.png"));
        DeckReport report = DeckBuilder.build(request, deck.output());
        assertEquals(List.of(), texts(report.findings()));
        try (ApkgContents apkg = new ApkgContents(deck.output(), dir)) {
            assertEquals("{\"0\":\"_banner.png\",\"1\":\"_logo.png\"}", apkg.media.toString());
            assertTrue(apkg.colJson("decks").toString().contains("<img src=\\\"_banner.png\\\" alt=\\\"banner\\\">"),
                    apkg.colJson("decks").toString());
        }
        AnkiCollection learner = new AnkiCollection(dir.resolve("learner"));
        assertEquals("new=1 updated=0 duplicate=0 conflicting=0", learner.importPackage(deck.output()).summary());
        assertTrue(Files.exists(dir.resolve("learner/collection.media/_banner.png")), "though no note shows it");
    }

    @Test
    void twoDecksOfOneBuildMayNotShipDifferentFilesUnderOneUnderscoredName() throws Exception {
        byte[] navy = ".card { color: navy; }".getBytes(StandardCharsets.UTF_8);
        byte[] red = ".card { color: red; }".getBytes(StandardCharsets.UTF_8);
        TestDecks verbs = new TestDecks(dir.resolve("verbs")).file("cards.csv", "Term,Definition\nhablar,to speak\n")
                .media("_deck.css", navy);
        TestDecks nouns = new TestDecks(dir.resolve("nouns")).file("cards.csv", "Term,Definition\ncasa,house\n")
                .media("_deck.css", red);
        DeckRequest verbsDeck = verbs.requestWithMedia().withDeckName("Verbs");
        DeckRequest nounsDeck = nouns.requestWithMedia().withDeckName("Nouns");
        nounsDeck = new DeckRequest("Nouns", "", "com.example:nouns", nounsDeck.cardFiles(), nounsDeck.encoding(), List.of(),
                nounsDeck.noteType(), nounsDeck.duplicateTermSeverity(), nounsDeck.buildTime())
                .withMedia(nounsDeck.mediaDirectory(), "nouns/media");

        // Why: built apart, each package is fine, but the learner who imports both gets the first one's file only.
        assertEquals(List.of(), DeckBuilder.build(verbsDeck, verbs.output()).findings());
        assertEquals(List.of(), DeckBuilder.build(nounsDeck, nouns.output()).findings());
        AnkiCollection learner = new AnkiCollection(dir.resolve("learner"));
        assertEquals("new=1 updated=0 duplicate=0 conflicting=0", learner.importPackage(verbs.output()).summary());
        assertEquals("new=1 updated=0 duplicate=0 conflicting=0", learner.importPackage(nouns.output()).summary());
        assertTrue(java.util.Arrays.equals(navy, Files.readAllBytes(dir.resolve("learner/collection.media/_deck.css"))),
                "Anki 2.1.66 kept the verbs deck's _deck.css: the nouns deck is styled by it");

        // Built as decks of one build, each reports the other's file and writes no package.
        List<DeckRequest> build = DeckRequest.ofOneBuild(List.of(verbsDeck, nounsDeck));
        String rest = " of the deck \"%s\" in this build, and a learner's Anki keeps the first \"_deck.css\" it imports and "
                + "ignores the other, so one deck would show the other's file: give each deck's file a name of its own (with the "
                + "deck's name in it, say), or make the two files the same";
        DeckReport verbsReport = DeckBuilder.build(build.get(0), verbs.output());
        assertEquals(List.of("ERROR src/main/anki/media/_deck.css:1: media file \"_deck.css\" differs from nouns/media/_deck.css"
                + rest.formatted("Nouns")), texts(verbsReport.findings()));
        assertFalse(Files.exists(verbs.output()), "the earlier package is gone");
        DeckReport nounsReport = DeckBuilder.check(build.get(1));
        assertEquals(List.of("ERROR nouns/media/_deck.css:1: media file \"_deck.css\" differs from src/main/anki/media/_deck.css"
                + rest.formatted("Verbs")), texts(nounsReport.findings()));

        // The same file in both decks is fine, and so is one media directory that both decks use.
        Files.write(dir.resolve("nouns/src/main/anki/media/_deck.css"), navy);
        assertEquals(List.of(), DeckBuilder.check(DeckRequest.ofOneBuild(List.of(verbsDeck, nounsDeck)).get(0)).findings());
        Files.write(dir.resolve("nouns/src/main/anki/media/_deck.css"), red);
        DeckRequest sharingVerbsMedia = nounsDeck.withMedia(verbsDeck.mediaDirectory(), verbsDeck.mediaDisplay());
        assertEquals(List.of(), DeckRequest.ofOneBuild(List.of(verbsDeck, sharingVerbsMedia)).get(1).mediaOfOtherDecks());
    }

    @Test
    void aDeckWithMoreMediaFilesThanAPlainZipHoldsArrivesWhole() throws Exception {
        TestDecks deck = new TestDecks(dir.resolve("big")).file("cards.csv", "Term,Definition\nword,[sound:_w65539.mp3]\n");
        for (int i = 0; i < 65_540; i++) {
            deck.media("_w" + i + ".mp3", Integer.toString(i).getBytes(StandardCharsets.UTF_8));
        }
        DeckReport report = DeckBuilder.build(deck.requestWithMedia(), deck.output());
        assertEquals(List.of(), texts(report.findings()));
        assertEquals(65_540, report.mediaFiles());
        AnkiCollection learner = new AnkiCollection(dir.resolve("learner"));
        assertEquals("new=1 updated=0 duplicate=0 conflicting=0", learner.importPackage(deck.output()).summary());
        try (java.util.stream.Stream<Path> files = Files.list(dir.resolve("learner/collection.media"))) {
            assertEquals(65_540, files.count(), "Anki 2.1.66 reads the Zip64 records: every file arrives");
        }
        assertEquals("65539", Files.readString(dir.resolve("learner/collection.media/_w65539.mp3")));
    }
}
