package io.github.ankimaven.core.report;

import static io.github.ankimaven.core.model.Severity.ERROR;
import static io.github.ankimaven.core.model.Severity.WARNING;

import java.util.List;
import java.util.Optional;

/**
 * The catalogue of every rule id a finding can carry, with a one-line description: the single
 * place reports, the Mojos and the README take rule descriptions from. A test keeps it in step
 * with the ids the checks actually emit.
 */
public final class Rules {

    /** Every rule, card-file rules first, then deck-wide ones, then the release gate's. */
    public static final List<Rule> ALL = List.of(
            new Rule("encoding", ERROR, "A card file has bytes that are not valid in the configured encoding."),
            new Rule("malformed-csv", ERROR,
                    "A record is not valid CSV, such as an unterminated quoted cell or text after a closing quote."),
            new Rule("missing-header", ERROR, "A card file has no header line naming its columns."),
            new Rule("header", ERROR, "The header names an unknown, empty or repeated column or lacks the term column"
                    + " (a warning when a field has no column)."),
            new Rule("cell-count", ERROR, "A row has more or fewer cells than the header has columns."),
            new Rule("empty-term", ERROR, "A row's term is empty."),
            new Rule("tag", ERROR, "A tag Anki cannot store as written (a warning for \",\" or \";\" inside a tag)."),
            new Rule("guid", ERROR, "A guid cell is not 1 to 64 printable ASCII characters without spaces."),
            new Rule("control-character", WARNING, "A field contains a control character, which Anki removes."),
            new Rule("duplicate-term", ERROR, "Notes have the same term after Unicode, whitespace and case normalisation"
                    + " (a warning with duplicateTerms=warning)."),
            new Rule("duplicate-guid", ERROR, "Notes share a guid, so Anki would import only one of them."),
            new Rule("missing-card", WARNING, "A note makes no card of a template because the fields it needs are empty."),
            new Rule("release-timestamp", ERROR, "The build's timestamp is not later than the previous release's newest"
                    + " note, so Anki would ignore every change."),
            new Rule("note-type-schema", ERROR, "The note type's fields or card templates differ from the previous"
                    + " release (a warning with allowBreakingChanges)."),
            new Rule("changed-static-media", ERROR, "A static media file (name starting with _) changed but kept its"
                    + " name (a warning with allowBreakingChanges)."),
            new Rule("renamed-note", ERROR, "A new note looks like a previous release's note under a new guid"
                    + " (a warning with allowBreakingChanges)."));

    private Rules() {}

    /** The rule with this id, if the catalogue has it. */
    public static Optional<Rule> byId(String id) {
        return ALL.stream().filter(rule -> rule.id().equals(id)).findFirst();
    }
}
