package io.github.ankimaven.core.template;

import java.util.List;

/**
 * What a card is rendered from besides its templates.
 *
 * @param fieldValues the note's fields as stored HTML, in note type order
 * @param deckName the full deck name, levels separated by {@code ::}
 * @param flag the card's flag, 0 (none) to 7
 */
public record CardContent(List<String> fieldValues, List<String> tags, String deckName, int flag) {

    public CardContent {
        fieldValues = List.copyOf(fieldValues);
        tags = List.copyOf(tags);
    }

    /** A new, unflagged card without tags in the deck Anki calls "Default". */
    public static CardContent of(List<String> fieldValues) {
        return new CardContent(fieldValues, List.of(), "Default", 0);
    }
}
