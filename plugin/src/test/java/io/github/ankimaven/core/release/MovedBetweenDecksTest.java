package io.github.ankimaven.core.release;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.ankimaven.core.model.Finding;
import io.github.ankimaven.core.model.Severity;
import io.github.ankimaven.core.model.SourceLocation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MovedBetweenDecksTest {

    private static ReleaseChanges release(List<NoteChange> removed, List<NoteChange> added) {
        return new ReleaseChanges("prev.apkg", 10, added.size(), 0, removed.size(), Map.of(), List.of(), List.of(), 0, removed, added);
    }

    private static NoteChange note(String guid, String term, String file, int line) {
        return new NoteChange(guid, term, null, "Deck", List.of(), file == null ? null : new SourceLocation(file, line));
    }

    @Test
    void aTermRemovedFromOneDeckAndAddedToAnotherIsAMove() {
        MovedBetweenDecks.Deck verbs = new MovedBetweenDecks.Deck("Verbs", release(List.of(note("g1", "beber", null, 0)), List.of()));
        MovedBetweenDecks.Deck cloud = new MovedBetweenDecks.Deck("Cloud",
                release(List.of(), List.of(note("g2", "Beber", "cloud.csv", 7), note("g3", "nube", "cloud.csv", 8))));
        List<List<Finding>> found = MovedBetweenDecks.find(List.of(verbs, cloud, new MovedBetweenDecks.Deck("New", null)));
        assertEquals(List.of(), found.get(0));
        assertEquals(1, found.get(1).size());
        assertEquals("cloud.csv:7: \"Beber\" was a note of the deck \"Verbs\" in its previous release: if it moved to"
                + " \"Cloud\", it got another guid, so learners would get a second note and keep the review history on the"
                + " first. To keep the note, give this row its old guid g1 (a guid column; Anki leaves its cards in the deck"
                + " where learners have them); if it is a new note, give it a guid of its own", found.get(1).get(0).toString());
        assertEquals(Severity.WARNING, found.get(1).get(0).severity(), "found by the term alone: a guess");
        assertEquals(List.of(), found.get(2), "a deck without a previous release");
    }

    @Test
    void aTermRemovedAndAddedInOneDeckIsNoMoveBetweenDecks() {
        MovedBetweenDecks.Deck verbs = new MovedBetweenDecks.Deck("Verbs",
                release(List.of(note("g1", "beber", null, 0)), List.of(note("g2", "beber", "er.csv", 3))));
        assertEquals(List.of(List.of()), MovedBetweenDecks.find(List.of(verbs)));
    }
}
