package io.github.ankimaven.core.model;

import java.util.List;

/**
 * A note ready for the collection: its fields as the HTML Anki stores (rendered from their
 * format, control characters removed, NFC), the key its term is identified by (its GUID derives
 * from it) and the key duplicates are found by (the same but for invisible characters).
 */
public record RenderedNote(Note note, List<String> htmlFields, String termKey, String duplicateKey) {

    public RenderedNote {
        htmlFields = List.copyOf(htmlFields);
    }

    public RenderedNote(Note note, List<String> htmlFields, String termKey) {
        this(note, htmlFields, termKey, termKey);
    }
}
