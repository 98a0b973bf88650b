package io.github.ankimaven.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.ankimaven.testsupport.anki.AnkiCollection;
import io.github.ankimaven.testsupport.anki.ImportLog;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our packages through Anki 2.1.66's real importer (AnkiDroid's desktop build of its Rust backend). */
class AnkiImportTest {

    @TempDir
    Path dir;

    @Test
    void importsEveryNoteAndCardWithDeckAndTagsAndASecondImportAddsNothing() throws Exception {
        TestDecks deck = new TestDecks(dir.resolve("project"))
                .file("a.csv", "Term,Definition,tags\n"
                        + "Hypervisor,Runs <virtual> machines & more,virt::hv\n"
                        + "\"Café, crème\",\"Two\nlines\",food\n"
                        + "仮想化,virtualization in Japanese,ja\n")
                .file("b.tsv", "Term\tDefinition\nWorld switch\tcontext change\n");
        DeckRequest request = deck.request();
        DeckRequest nested = new DeckRequest("Computing::Virtualization", request.description(), request.identity(),
                request.cardFiles(), request.encoding(), request.tags(), request.noteType(), request.duplicateTermSeverity(),
                request.buildTime());
        DeckReport report = DeckBuilder.build(nested, deck.output());
        assertEquals(List.of(), report.findings());

        AnkiCollection learner = new AnkiCollection(dir.resolve("learner"));
        ImportLog first = learner.importPackage(deck.output());
        assertEquals("new=4 updated=0 duplicate=0 conflicting=0", first.summary());
        assertEquals(4, learner.count("notes"));
        assertEquals(8, learner.count("cards"));
        assertEquals(List.of("Computing", "Computing::Virtualization", "Default"), learner.deckNames());
        assertEquals(List.of(" extra virt::hv ", " extra food ", " extra ja ", " extra "),
                learner.column("SELECT tags FROM notes ORDER BY id"));
        assertEquals(List.of("Hypervisor\u001fRuns &lt;virtual&gt; machines &amp; more"),
                learner.column("SELECT flds FROM notes WHERE sfld = 'Hypervisor'"));
        assertEquals(List.of(4L), learner.column(
                "SELECT count(DISTINCT c.nid) FROM cards c JOIN decks d ON c.did = d.id WHERE d.name COLLATE BINARY = 'Computing'||char(31)||'Virtualization'")
                .stream().map(v -> ((Number) v).longValue()).toList());
        assertEquals(List.of(), learner.checkDatabase(), "Check Database has nothing to fix");

        ImportLog second = learner.importPackage(deck.output());
        assertEquals("new=0 updated=0 duplicate=4 conflicting=0", second.summary());
        assertEquals(4, learner.count("notes"));
        assertEquals(8, learner.count("cards"));
        assertEquals(1, learner.count("notetypes WHERE name COLLATE BINARY = 'Term-Definition'"));
    }
}
