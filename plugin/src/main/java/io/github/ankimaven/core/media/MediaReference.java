package io.github.ankimaven.core.media;

import io.github.ankimaven.core.model.SourceLocation;

/** A media file name as written in a field, a card template or the styling, and where. */
public record MediaReference(String name, SourceLocation location, Origin origin) {

    /** Where a reference is written, which decides whether Anki imports the file for it. */
    public enum Origin {
        FIELD("a field"),
        TEMPLATE("the card template"),
        STYLING("the styling"),
        DESCRIPTION("the deck description");

        private final String description;

        Origin(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }
}
