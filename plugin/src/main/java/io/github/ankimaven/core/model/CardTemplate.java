package io.github.ankimaven.core.model;

/**
 * One card template of a note type: its name and its front and back (Anki template syntax).
 *
 * @param frontSource where the front was read from (for findings), or null for built-in templates
 * @param backSource where the back was read from, or null
 */
public record CardTemplate(String name, String front, String back, SourceLocation frontSource, SourceLocation backSource) {

    public CardTemplate(String name, String front, String back) {
        this(name, front, back, null, null);
    }
}
