package io.github.ankimaven.core.release;

import java.util.List;
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
 * @param changedNoteTypes the names of note types whose fields, templates or kind changed (a
 *     breaking change the build was allowed to make): learners' Anki updates their notes only
 *     when they import with "merge note types"
 * @param notesWithNewNoteType changed notes that are of another note type than in the previous
 *     release (a breaking change the build was allowed to make): Anki never updates them
 * @param someRemoved the first {@value #SAMPLE} removed notes (with their GUIDs)
 * @param someAdded the first {@value #SAMPLE} added notes without a guid cell (with their rows):
 *     with another deck's removed notes, notes moved between the decks of one build
 */
public record ReleaseChanges(String previousPackage, int totalNotes, int added, int changed, int removed,
        Map<String, DeckCounts> perDeck, List<Move> moves, List<String> changedNoteTypes, int notesWithNewNoteType,
        List<NoteChange> someRemoved, List<NoteChange> someAdded) {

    /** How many removed and added notes {@link #someRemoved} and {@link #someAdded} keep at most. */
    public static final int SAMPLE = 1_000;

    /** Notes of the previous release that are in another deck now: Anki leaves their cards where learners have them. */
    public record Move(String from, String to, int notes) {}

    public ReleaseChanges(String previousPackage, int totalNotes, int added, int changed, int removed,
            Map<String, DeckCounts> perDeck) {
        this(previousPackage, totalNotes, added, changed, removed, perDeck, List.of(), List.of(), 0, List.of(), List.of());
    }

    /** Note counts of one deck. */
    public record DeckCounts(int notes, int added, int changed, int removed) {
        public DeckCounts plus(DeckCounts other) {
            return new DeckCounts(notes + other.notes, added + other.added, changed + other.changed, removed + other.removed);
        }
    }

    public ReleaseChanges {
        perDeck = new TreeMap<>(perDeck);
        moves = List.copyOf(moves);
        changedNoteTypes = List.copyOf(changedNoteTypes);
        someRemoved = List.copyOf(someRemoved);
        someAdded = List.copyOf(someAdded);
    }

    public boolean isFirstRelease() {
        return previousPackage == null;
    }

    public int unchanged() {
        return totalNotes - added - changed;
    }
}
