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
     * {@link AnkiText#normalizeField} (plain text in one pass, as it is the common case).
     */
    public FormattedField renderStored(String cellText) {
        FirstRemoved removed = new FirstRemoved();
        if (this == TEXT) {
            String html = AnkiText.plainTextField(cellText, removed);
            return new FormattedField(html, removed.problem == null ? List.of() : List.of(removed.problem));
        }
        FormattedField rendered = render(cellText);
        String html = AnkiText.normalizeField(rendered.html(), removed);
        if (removed.problem == null) {
            return new FormattedField(html, rendered.problems());
        }
        // The rendered HTML has lines of its own: find the character where the author wrote it.
        int at = Math.max(0, cellText.indexOf(removed.character));
        int lineOffset = (int) cellText.substring(0, at).chars().filter(c -> c == '\n').count();
        List<FieldProblem> problems = new ArrayList<>(rendered.problems());
        problems.add(removed.problem.atLine(lineOffset));
        problems.sort(Comparator.comparingInt(FieldProblem::lineOffset));
        return new FormattedField(html, problems);
    }

    /** The first control character a field loses, as a warning: Anki removes it, so the card shows less than the cell. */
    private static final class FirstRemoved implements AnkiText.RemovedCharacter {
        private FieldProblem problem;
        private char character;

        @Override
        public void removed(char removedCharacter, int lineOffset) {
            if (problem == null) {
                character = removedCharacter;
                problem = new FieldProblem(Severity.WARNING, lineOffset, "control-character",
                        "contains the control character U+" + String.format("%04X", (int) removedCharacter)
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
