package io.github.ankimaven.core.format;

import io.github.ankimaven.core.DeckConfigurationException;
import io.github.ankimaven.core.text.AnkiText;
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
        if (this == TEXT) {
            return new FormattedField(AnkiText.plainTextField(cellText), List.of());
        }
        FormattedField rendered = render(cellText);
        return new FormattedField(AnkiText.normalizeField(rendered.html()), rendered.problems());
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
