package io.github.ankimaven.core;

import java.text.Normalizer;

/** Rules for deck names that Anki would otherwise silently rewrite ({@code rslib/src/decks/name.rs}). */
public final class DeckNames {

    private DeckNames() {}

    static void validate(String deckName) throws DeckConfigurationException {
        if (deckName == null || deckName.isBlank()) {
            throw new DeckConfigurationException("<deckName> is empty: set it to the name learners see in Anki");
        }
        String problem = problem(deckName);
        if (problem != null) {
            throw new DeckConfigurationException("<deckName> \"" + deckName + "\" " + problem);
        }
    }

    /** Why Anki would rewrite this deck name, or null when it keeps it as written. */
    public static String problem(String deckName) {
        for (String level : deckName.split("::", -1)) {
            if (level.isBlank()) {
                return "has an empty level: \"::\" separates parent and child deck names";
            }
            if (!level.equals(level.strip())) {
                return "has spaces around a level name, which Anki removes; remove them";
            }
        }
        if (deckName.chars().anyMatch(Character::isISOControl)) {
            return "contains a control character, which Anki removes";
        }
        return null;
    }

    /**
     * The full name of a subdeck: {@code Hypervisors} in deck {@code Virtualization and Cloud} is
     * {@code Virtualization and Cloud::Hypervisors}; a name that already starts with the deck's
     * name (or is it) is taken as it is.
     */
    public static String subdeck(String rootDeck, String name) {
        // NFC, as Anki stores deck names: "Café" typed on macOS (NFD) is the same deck.
        String trimmed = Normalizer.normalize(name.strip(), Normalizer.Form.NFC);
        if (trimmed.equals(rootDeck) || trimmed.startsWith(rootDeck + "::")) {
            return trimmed;
        }
        return rootDeck + "::" + trimmed;
    }
}
