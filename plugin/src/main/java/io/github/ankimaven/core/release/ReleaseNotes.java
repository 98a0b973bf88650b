package io.github.ankimaven.core.release;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The Markdown release notes written next to the package: what learners will see change. The
 * lists of added, changed and removed notes go to files as the comparison finds them and are
 * copied into the notes at the end, so memory stays flat however many notes a release changes.
 */
public final class ReleaseNotes {

    private ReleaseNotes() {}

    /** Writes the release notes to {@code file}; {@code lists} holds the notes behind the counts of {@code changes}. */
    public static void write(Path file, String deckName, String packageName, ReleaseChanges changes, ChangeLists lists)
            throws IOException {
        try (Writer md = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            md.append("# ").append(deckName).append(": release notes for ").append(packageName).append("\n\n");
            if (changes.isFirstRelease()) {
                md.append("First release (no previous release to compare with): all ").append(Integer.toString(changes.totalNotes()))
                        .append(" notes are new.\n\n");
            } else {
                md.append("Compared with the previous release, `").append(changes.previousPackage()).append("`.\n\n");
                md.append("| Added | Changed | Removed | Unchanged | Notes in this release |\n| ---: | ---: | ---: | ---: | ---: |\n");
                md.append("| ").append(count(changes.added())).append(" | ").append(count(changes.changed())).append(" | ")
                        .append(count(changes.removed())).append(" | ").append(count(changes.unchanged())).append(" | ")
                        .append(count(changes.totalNotes())).append(" |\n\n");
            }
            md.append("## Notes per deck\n\n| Deck | Notes | Added | Changed | Removed |\n| --- | ---: | ---: | ---: | ---: |\n");
            for (Map.Entry<String, ReleaseChanges.DeckCounts> deck : changes.perDeck().entrySet()) {
                ReleaseChanges.DeckCounts c = deck.getValue();
                md.append("| ").append(escape(deck.getKey())).append(" | ").append(count(c.notes())).append(" | ")
                        .append(count(c.added())).append(" | ").append(count(c.changed())).append(" | ").append(count(c.removed()))
                        .append(" |\n");
            }
            if (!changes.isFirstRelease()) {
                section(md, "Added", changes.added(), lists.added);
                section(md, "Changed", changes.changed(), lists.changed);
                section(md, "Removed", changes.removed(), lists.removed);
                if (!changes.moves().isEmpty()) {
                    md.append("\n## Moved to another deck\n\n");
                    for (ReleaseChanges.Move move : changes.moves()) {
                        md.append("- ").append(count(move.notes())).append(move.notes() == 1 ? " note" : " notes").append(" from **")
                                .append(escape(move.from())).append("** to **").append(escape(move.to())).append("**\n");
                    }
                }
            }
            md.append("\n## What learners should expect\n\n");
            if (changes.isFirstRelease()) {
                md.append("- Importing this package adds every note as new cards.\n")
                        .append("- Learners who imported an earlier build get every note updated (this build has no previous"
                                + " release to compare with), which replaces their own edits to those notes.\n");
            } else {
                md.append("- New notes arrive as new cards.\n")
                        .append(changes.notesWithNewNoteType() == 0 ? "" : "- **" + count(changes.notesWithNewNoteType())
                                + (changes.notesWithNewNoteType() == 1 ? " changed note is" : " changed notes are") + " of another"
                                + " note type than before** (\"note type\" among their changes). Anki cannot change a note's type on"
                                + " import: it reports these notes as conflicting and leaves learners' copies as they were, so"
                                + " their changes do not reach learners.\n")
                        .append(changes.changedNoteTypes().isEmpty()
                                ? changes.notesWithNewNoteType() == changes.changed() && changes.changed() > 0 ? ""
                                : (changes.notesWithNewNoteType() == 0 ? "- Changed" : "- Other changed")
                                        + " notes are updated in place: learners keep their review history, and their own edits"
                                        + " to those notes are replaced by this release's text.\n"
                                : "- **The note type " + changes.changedNoteTypes().stream().map(name -> "\"" + escape(name) + "\"")
                                        .collect(java.util.stream.Collectors.joining(", ")) + " changed its fields, card templates"
                                        + " or kind.** Learners must tick \"Merge note types\" when they import (Anki 23.10 and"
                                        + " later): only then are changed notes updated in place, keeping their review history."
                                        + " Without it, or with an older Anki, their notes of that type are not updated (Anki"
                                        + " reports them as conflicting) and a copy of the note type appears.\n")
                        .append("- Unchanged notes are skipped by Anki (\"already in your collection\"), so learners' own edits to"
                                + " them stay.\n")
                        .append(changes.moves().isEmpty() ? "" : "- Notes moved to another deck keep their cards in the deck"
                                + " where learners have them: Anki never moves cards on import (move them in the browser with"
                                + " Change Deck). Only the move does not make a note changed, so learners' edits to it stay.\n")
                        .append("- Removed notes stay in learners' collections: Anki never deletes notes on import. Learners who"
                                + " want them gone delete them themselves.\n")
                        .append("- Import the newest release only. Anki before 25.01 stamps the notes an import updates with the"
                                + " time of that import, so importing an older release after a newer one came out makes Anki"
                                + " skip the newer one's changes to those notes.\n");
            }
        }
    }

    private static String count(int value) {
        return Integer.toString(value);
    }

    private static void section(Writer md, String title, int count, Path list) throws IOException {
        md.append("\n## ").append(title).append(" (").append(count(count)).append(")\n\n");
        if (count == 0) {
            md.append("None.\n");
            return;
        }
        try (var lines = Files.newBufferedReader(list, StandardCharsets.UTF_8)) {
            lines.transferTo(md);
        }
    }

    /** Keeps terms from being read as Markdown. */
    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("|", "\\|").replace("`", "\\`")
                .replace("\n", " ");
    }

    /**
     * The three lists of the release notes, one Markdown line per note, in files of a work
     * directory: notes are added as the comparison finds them and never held in memory.
     */
    public static final class ChangeLists implements AutoCloseable {

        private final Path added;
        private final Path changed;
        private final Path removed;
        // Each file is opened with its first line: a list without notes is no file (the notes say "None.").
        private BufferedWriter addedLines;
        private BufferedWriter changedLines;
        private BufferedWriter removedLines;

        public ChangeLists(Path directory) {
            added = directory.resolve("added.md");
            changed = directory.resolve("changed.md");
            removed = directory.resolve("removed.md");
        }

        public void added(NoteChange note) throws IOException {
            addedLines = line(addedLines, added, "**" + escape(note.term()) + "**");
        }

        public void changed(NoteChange note) throws IOException {
            changedLines = line(changedLines, changed, (note.previousTerm() == null ? "**" + escape(note.term()) + "**"
                    : "**" + escape(note.previousTerm()) + "** → **" + escape(note.term()) + "**")
                    + ": " + String.join(", ", note.changedParts()));
        }

        public void removed(NoteChange note) throws IOException {
            removedLines = line(removedLines, removed, "**" + escape(note.term()) + "**");
        }

        private static BufferedWriter line(BufferedWriter list, Path file, String text) throws IOException {
            BufferedWriter lines = list != null ? list : Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            lines.append("- ").append(text).append('\n');
            return lines;
        }

        /** Finishes the files; the lists are complete only after this. */
        @Override
        public void close() throws IOException {
            BufferedWriter a = addedLines;
            BufferedWriter c = changedLines;
            BufferedWriter r = removedLines;
            try (a; c; r) {
                // closes those that were opened, reporting the first failure
            }
        }
    }
}
