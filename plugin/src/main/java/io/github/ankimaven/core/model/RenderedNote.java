package io.github.ankimaven.core.model;

import java.util.List;

/**
 * A note ready for the collection: its fields as the HTML Anki stores (rendered from their
 * format, control characters removed, NFC), and the key its term is compared and identified by.
 */
public record RenderedNote(Note note, List<String> htmlFields, String termKey) {

    public RenderedNote {
        htmlFields = List.copyOf(htmlFields);
    }
}
