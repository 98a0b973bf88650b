package io.github.ankimaven.core.csv;

import io.github.ankimaven.core.model.Note;
import java.io.IOException;

/** Receives the notes of the card files, in file and row order. */
@FunctionalInterface
public interface NoteConsumer {
    void accept(Note note) throws IOException;
}
