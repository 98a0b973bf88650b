package io.github.ankimaven.core.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ankimaven.core.DeckBuilder;
import io.github.ankimaven.core.DeckReport;
import io.github.ankimaven.core.TestDecks;
import io.github.ankimaven.core.apkg.PackageWriter;
import io.github.ankimaven.core.model.BuiltInNoteTypes;
import io.github.ankimaven.testsupport.anki.AnkiCollection;
import io.github.ankimaven.testsupport.anki.ImportLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A learner's year with the deck, in Anki 2.1.66's real importer: release 1, study and an own
 * edit, then release 2 built against release 1. Exactly the changed notes are updated, the new
 * one added, nothing conflicts, and the learner's edit and scheduling survive.
 */
class ReleaseUpgradeAnkiTest {

    @TempDir
    Path dir;

    /** Release 1 lies in the past; release 2 is built after the learner's edit (Anki updates only newer notes). */
    private static Instant release1() {
        return Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    }

    private static Instant release2() {
        return Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void release2UpdatesExactlyWhatChangedAndKeepsTheLearnersWork() throws Exception {
        Instant release1 = release1();
        Instant release2 = release2();
        TestDecks deck1 = new TestDecks(dir.resolve("r1")).file("cards.csv", ReleaseTest.CARDS_1);
        DeckReport first = DeckBuilder.build(deck1.request().withBuildTime(release1), dir.resolve("deck-1.apkg"));
        assertEquals(List.of(), first.findings());

        AnkiCollection learner = new AnkiCollection(dir.resolve("learner"));
        assertEquals("new=5 updated=0 duplicate=0 conflicting=0", learner.importPackage(first.packageFile()).summary());
        learner.answerGood("Test Deck", 4);
        long betaId = ((Number) learner.column("SELECT id FROM notes WHERE sfld = 'Beta'").get(0)).longValue();
        learner.editField(betaId, 1, "second letter (my own mnemonic: b for bee)");
        assertTrue(((Number) learner.column("SELECT count(*) FROM revlog").get(0)).longValue() >= 4, "the learner has history");
        String scheduling = "SELECT id, nid, ord, type, queue, due, ivl, factor, reps, lapses, left, odue, odid FROM cards ORDER BY id";
        List<List<Object>> schedulingBefore = learner.rows(scheduling);
        assertTrue(schedulingBefore.stream().anyMatch(card -> ((Number) card.get(3)).intValue() != 0), "some cards were studied");

        TestDecks deck2 = new TestDecks(dir.resolve("r2")).file("cards.csv", ReleaseTest.cards2());
        DeckReport second = DeckBuilder.build(deck2.request().withBuildTime(release2).withPreviousRelease(first.packageFile(), false),
                dir.resolve("deck-2.apkg"));
        assertEquals(List.of(), second.findings());

        ImportLog log = learner.importPackage(second.packageFile());
        assertEquals(List.of("Alpha", "Gamma", "Color"), log.updated().stream().map(ImportLog.LogNote::firstField).toList());
        assertEquals(List.of("Epsilon"), log.newNotes().stream().map(ImportLog.LogNote::firstField).toList());
        assertEquals(List.of("Beta"), log.duplicate().stream().map(ImportLog.LogNote::firstField).toList(),
                "the unchanged note is skipped as already present");
        assertEquals(List.of(), log.conflicting());

        assertEquals(List.of("Alpha", "Beta", "Color", "Delta", "Epsilon", "Gamma"),
                learner.column("SELECT sfld FROM notes").stream().map(String::valueOf).sorted().toList(),
                "the removed note stays; the renamed one is the same note");
        List<String> terms = learner.column("SELECT sfld FROM notes").stream().map(t -> String.valueOf(t).toLowerCase(Locale.ROOT))
                .toList();
        assertEquals(terms.size(), terms.stream().collect(Collectors.toSet()).size(), "no two notes share a term");
        assertEquals(List.of("Beta\u001fsecond letter (my own mnemonic: b for bee)"),
                learner.column("SELECT flds FROM notes WHERE id = " + betaId), "the learner's edit survives");
        assertEquals(List.of("Alpha\u001fthe first letter"), learner.column("SELECT flds FROM notes WHERE sfld = 'Alpha'"));
        List<List<Object>> schedulingAfter = learner.rows(scheduling);
        assertEquals(schedulingBefore, schedulingAfter.subList(0, schedulingBefore.size()),
                "no existing card's scheduling changed");
        assertEquals(schedulingBefore.size() + 2, schedulingAfter.size(), "only Epsilon's two cards are new");
        assertEquals(List.of(), learner.checkDatabase());

        String notes = Files.readString(PackageWriter.releaseNotesPath(second.packageFile()));
        assertTrue(notes.contains("## Added (1)\n\n- **Epsilon**\n"), notes);
        assertTrue(notes.contains("## Changed (3)\n\n- **Alpha**: Definition\n- **Gamma**: tags\n- **Colour** → **Color**: Term\n"), notes);
        assertTrue(notes.contains("## Removed (1)\n\n- **Delta**\n"), notes);
    }

    @Test
    void theDefaultNoteTypeTakingTheDecksNameIsNoBreakingChange() throws Exception {
        // Earlier builds named the default note type "Term-Definition"; its id derives from its key, which stays.
        TestDecks deck = new TestDecks(dir.resolve("deck")).file("cards.csv", ReleaseTest.CARDS_1);
        DeckReport first = DeckBuilder.build(deck.request().withBuildTime(release1()), dir.resolve("deck-1.apkg"));
        AnkiCollection learner = new AnkiCollection(dir.resolve("learner"));
        assertEquals("new=5 updated=0 duplicate=0 conflicting=0", learner.importPackage(first.packageFile()).summary());

        DeckReport second = DeckBuilder.build(deck.request().withBuildTime(release2())
                .withNoteTypes(BuiltInNoteTypes.forKey("term-definition", "Test Deck").orElseThrow(), List.of())
                .withPreviousRelease(first.packageFile(), false), dir.resolve("deck-2.apkg"));
        assertEquals(List.of(), second.findings());
        assertEquals("new=0 updated=0 duplicate=5 conflicting=0", learner.importPackage(second.packageFile()).summary());
        assertEquals(1, learner.column("SELECT name COLLATE BINARY FROM notetypes").stream()
                .filter(name -> name.toString().startsWith("Term-Definition")).count(), "no copy of the note type");
    }
}
