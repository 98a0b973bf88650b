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
        DeckRequest nested = new DeckRequest("Computing::Virtualization", request.descriptionHtml(), request.identity(),
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

    @Test
    void subdecksArriveWithTheirFullNames() throws Exception {
        TestDecks deck = new TestDecks(dir.resolve("project"))
                .file("hypervisors.csv", "#deck: Hypervisors\nTerm,Definition,deck\n"
                        + "Type 1 hypervisor,runs on bare metal,\n"
                        + "KVM,a type 1 hypervisor in Linux,Hypervisors::Linux\n")
                .file("cloud.csv", "Term,Definition\nElasticity,scaling with demand\n");
        DeckReport report = DeckBuilder.build(deck.request(), deck.output());
        assertEquals(List.of(), report.findings());
        AnkiCollection learner = new AnkiCollection(dir.resolve("learner"));
        assertEquals("new=3 updated=0 duplicate=0 conflicting=0", learner.importPackage(deck.output()).summary());
        assertEquals(List.of("Default", "Test Deck", "Test Deck::Hypervisors", "Test Deck::Hypervisors::Linux"), learner.deckNames());
        assertEquals(List.of("Elasticity Test Deck", "KVM Test Deck::Hypervisors::Linux", "Type 1 hypervisor Test Deck::Hypervisors"),
                learner.rows("SELECT n.sfld, d.name FROM notes n JOIN cards c ON c.nid = n.id JOIN decks d ON d.id = c.did"
                        + " WHERE c.ord = 0 ORDER BY n.sfld").stream()
                        .map(r -> r.get(0) + " " + String.valueOf(r.get(1)).replace("\u001f", "::")).toList());
        assertEquals(List.of(), learner.checkDatabase());
    }

    @Test
    void aDeckNameTypedOnMacOsIsTheSameDeck() throws Exception {
        TestDecks deck = new TestDecks(dir.resolve("project"))
                .file("a.csv", "Term,Definition,deck\nthree,d,Caf\u00e9\nfour,d,Cafe\u0301\n");
        assertEquals(List.of(), DeckBuilder.build(deck.request(), deck.output()).findings());
        AnkiCollection learner = new AnkiCollection(dir.resolve("learner"));
        assertEquals("new=2 updated=0 duplicate=0 conflicting=0", learner.importPackage(deck.output()).summary());
        assertEquals(List.of("Default", "Test Deck", "Test Deck::Caf\u00e9"), learner.deckNames(),
                "one deck, not a second one named \"Café_\"");
    }
}
