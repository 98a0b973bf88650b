package io.github.ankimaven.core.release;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a release changes for learners who imported the previous one: counts only. The changed
 * notes themselves are listed in the release notes, written as the comparison finds them (see
 * {@link ReleaseNotes.ChangeLists}), so a release that changes every note of a big deck does
 * not hold them all in memory.
 *
 * @param previousPackage the previous release's file name, or null for a first release
 * @param totalNotes notes in this release
 * @param added notes new in this release
 * @param changed notes updated in place
 * @param removed notes of the previous release that are gone
 */
public record ReleaseChanges(String previousPackage, int totalNotes, int added, int changed, int removed,
        Map<String, DeckCounts> perDeck) {

    /** Note counts of one deck. */
    public record DeckCounts(int notes, int added, int changed, int removed) {
        public DeckCounts plus(DeckCounts other) {
            return new DeckCounts(notes + other.notes, added + other.added, changed + other.changed, removed + other.removed);
        }
    }

    public ReleaseChanges {
        perDeck = new TreeMap<>(perDeck);
    }

    public boolean isFirstRelease() {
        return previousPackage == null;
    }

    public int unchanged() {
        return totalNotes - added - changed;
    }
}
