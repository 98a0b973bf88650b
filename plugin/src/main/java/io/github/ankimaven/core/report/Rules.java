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
            new Rule("card-file", WARNING, "A spreadsheet (.xlsx, .xlsm, .xlsb, .xls, .ods, .numbers) among the card files,"
                    + " which is not read: its cards are not in the deck."),
            new Rule("encoding", ERROR, "A card file has bytes that are not valid in the configured encoding."),
            new Rule("malformed-csv", ERROR,
                    "A record is not valid CSV: an unterminated quoted cell, text after a closing quote, or a"
                    + " space before a quote that was meant to open a quoted cell."),
            new Rule("quoted-rows", WARNING, "A quoted cell goes on over lines that are each shaped like a row: a"
                    + " missing closing quote may have made those rows text of the cell."),
            new Rule("missing-header", ERROR, "A card file has no header line naming its columns."),
            new Rule("header", ERROR, "The header names an unknown, empty or repeated column or lacks the term column, or a"
                    + " row repeats the header (a warning when a field has no column)."),
            new Rule("cell-count", ERROR, "A row has more or fewer cells than the header has columns."),
            new Rule("empty-term", ERROR, "A row's term is empty."),
            new Rule("tag", ERROR, "A tag Anki cannot store as written, such as one with a quote (a warning for \",\", \";\""
                    + " or a no-break space inside a tag)."),
            new Rule("guid", ERROR, "A guid cell is not 1 to 64 printable ASCII characters without spaces."),
            new Rule("control-character", WARNING, "A field contains a control character, which Anki removes."),
            new Rule("duplicate-term", ERROR, "Notes have the same term after Unicode, whitespace and case normalisation"
                    + " (a warning with duplicateTerms=warning)."),
            new Rule("duplicate-guid", ERROR, "Notes share a guid, so Anki would import only one of them."),
            new Rule("missing-card", WARNING, "A note makes no card of a template because the fields it needs are empty."),
            new Rule("release-timestamp", ERROR, "The build's timestamp is not later than the previous release's newest"
                    + " note, or than a changed note type's there, so Anki would ignore the change."),
            new Rule("note-type-schema", ERROR, "The note type's fields, card templates or kind (standard, cloze) differ"
                    + " from the previous release (a warning with allowBreakingChanges)."),
            new Rule("note-type-change", ERROR, "A note keeps its guid but not its note type, which Anki cannot change on"
                    + " import (a warning with allowBreakingChanges)."),
            new Rule("changed-static-media", ERROR, "A static media file (name starting with _) changed but kept its"
                    + " name (a warning with allowBreakingChanges)."),
            new Rule("changed-media", ERROR, "A media file changed but kept its name, so learners get it only with notes"
                    + " that change (a warning with allowBreakingChanges)."),
            new Rule("moved-notes", WARNING, "Notes are in another deck than in the previous release; Anki leaves"
                    + " learners' cards where they are."),
            new Rule("unrelated-release", ERROR, "No note shares a guid with the previous release: the wrong package, or a"
                    + " changed deck identity (a warning with allowBreakingChanges)."),
            new Rule("renamed-note", ERROR, "A new note looks like a released note under a new guid (a renamed term, a"
                    + " changed guid cell); a warning with allowBreakingChanges."),
            new Rule("emptied-field", ERROR, "A card file has no column for a field its released notes filled, so learners"
                    + " would lose it (a warning with allowBreakingChanges)."),
            new Rule("directive", WARNING, "A line before the header looks like a setting but is a comment here (\"# deck:\","
                    + " or a header of Anki's own text import such as #separator:)."),
            new Rule("deck", ERROR, "A deck cell or #deck: line names a deck Anki would rename (an empty level, spaces, a"
                    + " name that differs from another only in case)."),
            new Rule("note-type", ERROR, "A note type is unknown, or cannot make cards (no field on a front, no cloze filter)."),
            new Rule("template", ERROR, "A card template does not parse or uses an unknown field (a warning for unknown filters)."),
            new Rule("css", WARNING, "A note type's styling does not parse."),
            new Rule("cloze", ERROR, "Cloze syntax is malformed: an unclosed {{c1::, or a number outside c1 to c500."),
            new Rule("no-card", ERROR, "A note would make no card: no cloze deletion, or every front would be empty."),
            new Rule("markdown-definition", WARNING, "A Markdown field has a line such as \"[Note]: text\", a link definition"
                    + " no link uses, which shows nothing."),
            new Rule("html-unbalanced", ERROR, "HTML tags are left open, closed in the wrong order, or close nothing."),
            new Rule("html-unfinished", ERROR, "An HTML tag, comment or CDATA section is not finished."),
            new Rule("html-script", ERROR, "A field has a script, an event-handler attribute or a javascript: URL."),
            new Rule("html-style", WARNING, "A field has a <style> element, which restyles the whole card."),
            new Rule("html-unknown-element", WARNING, "A field uses an element HTML does not know."),
            new Rule("html-video-src", WARNING, "A file only <video> or <source> refers to, which Anki before 25.02 does not import."),
            new Rule("media-missing", ERROR, "A field, template, the styling or the description refers to a media file that"
                    + " is not there."),
            new Rule("media-name", ERROR, "A media name Anki would rewrite, or a path instead of a bare name."),
            new Rule("media-unused", WARNING, "A media file nothing refers to (it is not packed)."),
            new Rule("media-collision", ERROR, "Media files whose names differ only in case or Unicode form."),
            new Rule("media-symlink", ERROR, "A media file is a symbolic link, which is not packed."),
            new Rule("media-directory", WARNING, "A folder inside the media directory (Anki keeps media flat)."),
            new Rule("media-static", ERROR, "A template, the styling or the deck description refers to a media file whose name"
                    + " does not start with _."),
            new Rule("template-media", ERROR, "A template makes a media file name of a field (<img src=\"{{Image}}\">,"
                    + " [sound:{{Audio}}]), and Anki does not import files named that way."),
            new Rule("media-static-conflict", ERROR, "Two decks of one build ship different files under one _ name, of which"
                    + " a learner's Anki keeps only the first it imports."));

    private Rules() {}

    /** The rule with this id, if the catalogue has it. */
    public static Optional<Rule> byId(String id) {
        return ALL.stream().filter(rule -> rule.id().equals(id)).findFirst();
    }
}
