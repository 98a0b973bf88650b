package io.github.ankimaven.core.model;

import io.github.ankimaven.core.template.NoteKind;
import java.util.List;
import java.util.Objects;

/**
 * A note type (Anki's "model"): ordered fields, card templates and styling.
 *
 * @param key what the note type's id derives from: stable while its display name may change
 * @param kind standard (a card per template) or cloze (a card per cloze number)
 * @param sortFieldIndex the field Anki sorts and searches by ({@code sortf}); it is also the
 *     note's "term" for duplicate checks and GUIDs
 * @param cssSource where the styling was read from (for findings), or null
 */
public record NoteType(String key, String name, NoteKind kind, List<String> fields, List<CardTemplate> templates, String css,
        int sortFieldIndex, SourceLocation cssSource) {

    static final String DEFAULT_CSS = """
            .card {
              font-family: arial;
              font-size: 20px;
              text-align: center;
              color: black;
              background-color: white;
            }
            """;

    public NoteType {
        fields = List.copyOf(fields);
        templates = List.copyOf(templates);
        if (fields.isEmpty() || templates.isEmpty()) {
            throw new IllegalArgumentException("a note type needs at least one field and one template");
        }
        if (sortFieldIndex < 0 || sortFieldIndex >= fields.size()) {
            throw new IllegalArgumentException("sort field index out of range: " + sortFieldIndex);
        }
    }

    /**
     * The key, name and fields only, which equal note types share. Written out because a
     * record's own hashCode links through invokedynamic when it first runs: about 10 ms of a cold
     * Maven JVM for a record of this size, which every build pays (note types are map keys).
     */
    @Override
    public int hashCode() {
        return Objects.hash(key, name, fields);
    }

    /** A standard note type whose id derives from its name. */
    public NoteType(String name, List<String> fields, List<CardTemplate> templates, String css, int sortFieldIndex) {
        this(name, name, NoteKind.STANDARD, fields, templates, css, sortFieldIndex, null);
    }

    /** The default note type: a term and its definition, one card in each direction. */
    public static NoteType termDefinition() {
        return new NoteType(
                "Term-Definition",
                List.of("Term", "Definition"),
                List.of(
                        new CardTemplate("Term → Definition", "{{Term}}", "{{FrontSide}}\n\n<hr id=answer>\n\n{{Definition}}"),
                        new CardTemplate("Definition → Term", "{{Definition}}", "{{FrontSide}}\n\n<hr id=answer>\n\n{{Term}}")),
                DEFAULT_CSS,
                0);
    }

    /** The index of the field named {@code name}, compared case-insensitively (as CSV headers are), or -1. */
    public int fieldIndex(String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    public String sortField() {
        return fields.get(sortFieldIndex);
    }
}
