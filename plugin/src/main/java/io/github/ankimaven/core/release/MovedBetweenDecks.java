package io.github.ankimaven.core.release;

import io.github.ankimaven.core.model.Finding;
import io.github.ankimaven.core.text.TermKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Notes moved from one deck of a build to another (with {@code <decks>}): each deck's GUIDs
 * derive from its own identity, so a moved note gets another GUID, and learners who import both
 * decks get a second note while the first keeps the review history. Found by term among the
 * first {@value ReleaseChanges#SAMPLE} removed and added notes of each deck; a warning, as
 * another deck may have a note of its own with the same term.
 */
public final class MovedBetweenDecks {

    /** A deck of the build and what its release changes (null when it was not compared). */
    public record Deck(String name, ReleaseChanges release) {}

    private record Removed(String deck, NoteChange note) {}

    private MovedBetweenDecks() {}

    /** The findings for each deck, in the order of {@code decks}: one for each added note that another deck removed. */
    public static List<List<Finding>> find(List<Deck> decks) {
        Map<String, Removed> removedByTerm = new HashMap<>();
        for (Deck deck : decks) {
            if (deck.release() != null) {
                deck.release().someRemoved().forEach(note ->
                        removedByTerm.putIfAbsent(TermKey.of(note.term()), new Removed(deck.name(), note)));
            }
        }
        List<List<Finding>> findings = new ArrayList<>();
        for (Deck deck : decks) {
            List<Finding> moved = new ArrayList<>();
            if (deck.release() != null && !removedByTerm.isEmpty()) {
                for (NoteChange added : deck.release().someAdded()) {
                    Removed removed = removedByTerm.get(TermKey.of(added.term()));
                    if (removed != null && !removed.deck().equals(deck.name())) {
                        // Found by the term alone, so a warning: another deck may well have a word of its own so spelt.
                        moved.add(Finding.warning(added.location(), "renamed-note", "\"" + added.term() + "\" was a note"
                                + " of the deck \"" + removed.deck() + "\" in its previous release: if it moved to \""
                                + deck.name() + "\", it got another guid, so learners would get a second note and keep the review"
                                + " history on the first. To keep the note, give this row its old guid " + removed.note().guid()
                                + " (a guid column; Anki leaves its cards in the deck where learners have them); if it is a new"
                                + " note, give it a guid of its own"));
                    }
                }
            }
            findings.add(moved);
        }
        return findings;
    }
}
