package io.github.ankimaven.core.model;

import java.util.List;

/**
 * A note type (Anki's "model"): ordered fields, card templates and styling.
 *
 * @param sortFieldIndex the field Anki sorts and searches by ({@code sortf})
 */
public record NoteType(String name, List<String> fields, List<CardTemplate> templates, String css, int sortFieldIndex) {

    private static final String DEFAULT_CSS = """
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

    /** The index of the field named {@code name}, compared case-insensitively, or -1. */
    public int fieldIndex(String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }
}
