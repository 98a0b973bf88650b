package io.github.ankimaven.core.release;

import java.util.List;
import java.util.Map;

/** The Markdown release notes written next to the package: what learners will see change. */
public final class ReleaseNotes {

    private ReleaseNotes() {}

    public static String markdown(String deckName, String packageName, ReleaseChanges changes) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(deckName).append(": release notes for ").append(packageName).append("\n\n");
        if (changes.isFirstRelease()) {
            md.append("First release (no previous release to compare with): all ").append(changes.totalNotes())
                    .append(" notes are new.\n\n");
        } else {
            md.append("Compared with the previous release, `").append(changes.previousPackage()).append("`.\n\n");
            md.append("| Added | Changed | Removed | Unchanged | Notes in this release |\n| ---: | ---: | ---: | ---: | ---: |\n");
            md.append("| ").append(changes.added().size()).append(" | ").append(changes.changed().size()).append(" | ")
                    .append(changes.removed().size()).append(" | ").append(changes.unchanged()).append(" | ")
                    .append(changes.totalNotes()).append(" |\n\n");
        }
        md.append("## Notes per deck\n\n| Deck | Notes | Added | Changed | Removed |\n| --- | ---: | ---: | ---: | ---: |\n");
        for (Map.Entry<String, ReleaseChanges.DeckCounts> deck : changes.perDeck().entrySet()) {
            ReleaseChanges.DeckCounts c = deck.getValue();
            md.append("| ").append(escape(deck.getKey())).append(" | ").append(c.notes()).append(" | ").append(c.added())
                    .append(" | ").append(c.changed()).append(" | ").append(c.removed()).append(" |\n");
        }
        if (!changes.isFirstRelease()) {
            section(md, "Added", changes.added(), change -> "**" + escape(change.term()) + "**");
            section(md, "Changed", changes.changed(), change -> (change.previousTerm() == null ? "**" + escape(change.term()) + "**"
                    : "**" + escape(change.previousTerm()) + "** → **" + escape(change.term()) + "**")
                    + ": " + String.join(", ", change.changedParts()));
            section(md, "Removed", changes.removed(), change -> "**" + escape(change.term()) + "**");
        }
        md.append("\n## What learners should expect\n\n");
        if (changes.isFirstRelease()) {
            md.append("- Importing this package adds every note as new cards.\n")
                    .append("- Learners who imported an earlier build get every note updated (this build has no previous"
                            + " release to compare with), which replaces their own edits to those notes.\n");
        } else {
            md.append("- New notes arrive as new cards.\n")
                    .append("- Changed notes are updated in place: learners keep their review history, and their own edits to"
                            + " those notes are replaced by this release's text.\n")
                    .append("- Unchanged notes are skipped by Anki (\"already in your collection\"), so learners' own edits to"
                            + " them stay.\n")
                    .append("- Removed notes stay in learners' collections: Anki never deletes notes on import. Learners who"
                            + " want them gone delete them themselves.\n");
        }
        return md.toString();
    }

    private static void section(StringBuilder md, String title, List<NoteChange> changes,
            java.util.function.Function<NoteChange, String> line) {
        md.append("\n## ").append(title).append(" (").append(changes.size()).append(")\n\n");
        if (changes.isEmpty()) {
            md.append("None.\n");
        }
        changes.forEach(change -> md.append("- ").append(line.apply(change)).append('\n'));
    }

    /** Keeps terms from being read as Markdown. */
    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("|", "\\|").replace("`", "\\`")
                .replace("\n", " ");
    }
}
