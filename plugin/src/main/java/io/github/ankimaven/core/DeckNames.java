package io.github.ankimaven.core;

/** Rules for deck names that Anki would otherwise silently rewrite ({@code rslib/src/decks/name.rs}). */
final class DeckNames {

    private DeckNames() {}

    static void validate(String deckName) throws DeckConfigurationException {
        if (deckName == null || deckName.isBlank()) {
            throw new DeckConfigurationException("<deckName> is empty: set it to the name learners see in Anki");
        }
        for (String level : deckName.split("::", -1)) {
            if (level.isBlank()) {
                throw new DeckConfigurationException("<deckName> \"" + deckName
                        + "\" has an empty level: \"::\" separates parent and child deck names");
            }
            if (!level.equals(level.strip())) {
                throw new DeckConfigurationException("<deckName> \"" + deckName
                        + "\" has spaces around a level name, which Anki removes; remove them");
            }
        }
        if (deckName.chars().anyMatch(Character::isISOControl)) {
            throw new DeckConfigurationException("<deckName> contains a control character, which Anki removes");
        }
    }
}
