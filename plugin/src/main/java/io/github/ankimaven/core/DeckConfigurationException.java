package io.github.ankimaven.core;

/** The deck's configuration cannot work (a bad deck name, no card files...): the author must fix it. */
public class DeckConfigurationException extends Exception {
    public DeckConfigurationException(String message) {
        super(message);
    }
}
