package io.github.ankimaven.core.apkg;

import io.github.ankimaven.core.model.NoteType;
import java.time.Instant;

/**
 * The fixed parts of a collection: the deck and note type with their derived ids, and the
 * build time every timestamp comes from.
 */
public record DeckLayout(String deckName, String description, long deckId, NoteType noteType, long noteTypeId, Instant buildTime) {

    public static DeckLayout of(String identity, String deckName, String description, NoteType noteType, Instant buildTime) {
        return new DeckLayout(deckName, description, StableIds.deckId(identity, deckName), noteType,
                StableIds.noteTypeId(identity, noteType.name()), buildTime);
    }

    public long buildSeconds() {
        return buildTime.getEpochSecond();
    }

    public long buildMillis() {
        return buildTime.toEpochMilli();
    }
}
