package io.github.ankimaven.core.release;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a release changes for learners who imported the previous one.
 *
 * @param previousPackage the previous release's file name, or null for a first release
 * @param totalNotes notes in this release
 */
public record ReleaseChanges(String previousPackage, int totalNotes, List<NoteChange> added, List<NoteChange> changed,
        List<NoteChange> removed, Map<String, DeckCounts> perDeck) {

    /** Note counts of one deck. */
    public record DeckCounts(int notes, int added, int changed, int removed) {
        DeckCounts plus(DeckCounts other) {
            return new DeckCounts(notes + other.notes, added + other.added, changed + other.changed, removed + other.removed);
        }
    }

    public ReleaseChanges {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
        perDeck = new TreeMap<>(perDeck);
    }

    public boolean isFirstRelease() {
        return previousPackage == null;
    }

    public int unchanged() {
        return totalNotes - added.size() - changed.size();
    }

    static Map<String, DeckCounts> merge(Map<String, DeckCounts> counts, String deck, DeckCounts more) {
        counts.merge(deck, more, DeckCounts::plus);
        return counts;
    }
}
