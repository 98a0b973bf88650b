package io.github.ankimaven.core.media;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The media directory of another deck of the same build. Its {@code _} files end up in the same
 * learners' collections, where Anki keeps the first file of each {@code _} name and ignores the
 * rest, so two decks must not ship different files under one such name.
 *
 * @param deckName the other deck's name, for findings
 * @param directory its media directory (a missing directory holds none)
 * @param display the directory as shown in findings
 */
public record OtherDeckMedia(String deckName, Path directory, String display) {

    public OtherDeckMedia {
        Objects.requireNonNull(deckName, "deckName");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(display, "display");
    }
}
