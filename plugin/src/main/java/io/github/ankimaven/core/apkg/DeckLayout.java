package io.github.ankimaven.core.apkg;

import io.github.ankimaven.core.model.NoteType;
import java.time.Instant;

/**
 * The fixed parts of a collection: the deck (with its description, as HTML) and note type with
 * their derived ids, and the build time every timestamp comes from. Subdecks get ids derived from
 * their full names.
 */
public record DeckLayout(String identity, String deckName, String descriptionHtml, NoteType noteType, long noteTypeId,
        Instant buildTime) {

    public static DeckLayout of(String identity, String deckName, String descriptionHtml, NoteType noteType, Instant buildTime) {
        return new DeckLayout(identity, deckName, descriptionHtml, noteType, StableIds.noteTypeId(identity, noteType.key()),
                buildTime);
    }

    /** The id of one of the deck's note types, derived from its key. */
    public long noteTypeId(NoteType type) {
        return StableIds.noteTypeId(identity, type.key());
    }

    public long deckId() {
        return deckId(deckName);
    }

    public long deckId(String fullDeckName) {
        return StableIds.deckId(identity, fullDeckName);
    }

    public long buildSeconds() {
        return buildTime.getEpochSecond();
    }

    public long buildMillis() {
        return buildTime.toEpochMilli();
    }
}
