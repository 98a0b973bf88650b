package io.github.ankimaven.core.format;

import io.github.ankimaven.core.DeckConfigurationException;
import io.github.ankimaven.core.model.Severity;
import io.github.ankimaven.core.text.AnkiText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** How the text of a cell becomes the HTML that Anki stores in a field. */
public enum FieldFormat {
    /** Plain text: {@code &}, {@code <} and {@code >} escaped, line breaks as {@code <br>}. */
    TEXT,
    /** CommonMark with GFM tables; raw HTML in it is checked like {@link #HTML}. */
    MARKDOWN,
    /** HTML, stored unchanged but checked for what would break or endanger the card. */
    HTML;

    /** The format named in the configuration ({@code text}, {@code markdown} or {@code html}, any case). */
    public static FieldFormat parse(String configured) throws DeckConfigurationException {
        String wanted = configured == null ? "" : configured.strip();
        for (FieldFormat format : values()) {
            if (format.configurationName().equalsIgnoreCase(wanted)) {
                return format;
            }
        }
        throw new DeckConfigurationException("unknown field format \"" + configured + "\": use text, markdown or html");
    }

    public String configurationName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The field HTML Anki stores for a cell's text: {@link #render}, then
     * {@link AnkiText#normalizeField} (plain text in one pass, as it is the common case), with a
     * warning for the first control character of the cell, which Anki removes.
     */
    public FormattedField renderStored(String cellText) {
        if (this == TEXT) {
            FirstRemoved removed = new FirstRemoved();
            String html = AnkiText.plainTextField(cellText, removed); // the scan that escapes finds them too
            return new FormattedField(html, removed.problem == null ? List.of() : List.of(removed.problem));
        }
        FormattedField rendered = render(cellText);
        String html = AnkiText.normalizeField(rendered.html());
        // In the cell as written: the rendered HTML has lines of its own, and Markdown turns a NUL into U+FFFD.
        FieldProblem removed = controlCharacter(cellText);
        if (removed == null) {
            FieldProblem decoded = controlCharacter(rendered.html());
            if (decoded != null) { // written as a character reference (&#1;): its line in the cell is unknown
                removed = new FieldProblem(decoded.severity(), 0, decoded.rule(), decoded.message());
            }
        }
        if (removed == null) {
            return new FormattedField(html, rendered.problems());
        }
        List<FieldProblem> problems = new ArrayList<>(rendered.problems());
        problems.add(removed);
        problems.sort(Comparator.comparingInt(FieldProblem::lineOffset));
        return new FormattedField(html, problems);
    }

    /** The warning for the first control character of a cell (one Anki removes from fields), or null if it has none. */
    public static FieldProblem controlCharacter(String cellText) {
        FirstRemoved removed = new FirstRemoved();
        AnkiText.reportRemovedCharacters(cellText, removed);
        return removed.problem;
    }

    /** The first control character a field loses, as a warning: Anki removes it, so the card shows less than the cell. */
    private static final class FirstRemoved implements AnkiText.RemovedCharacter {
        private FieldProblem problem;

        @Override
        public void removed(char character, int lineOffset) {
            if (problem == null) {
                problem = new FieldProblem(Severity.WARNING, lineOffset, "control-character",
                        "contains the control character U+" + String.format("%04X", (int) character)
                                + ", which Anki removes; delete it");
            }
        }
    }

    /** The field HTML for a cell's text (line breaks already normalised to {@code \n}). */
    public FormattedField render(String cellText) {
        return switch (this) {
            case TEXT -> new FormattedField(AnkiText.escapePlainText(cellText), List.of());
            case MARKDOWN -> MarkdownFields.render(cellText);
            case HTML -> new FormattedField(cellText, HtmlChecker.check(cellText));
        };
    }
}
