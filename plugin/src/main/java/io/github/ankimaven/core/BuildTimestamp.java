package io.github.ankimaven.core;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Parses {@code project.build.outputTimestamp}: ISO-8601 with an offset, or seconds since the epoch. */
public final class BuildTimestamp {

    private BuildTimestamp() {}

    /** The timestamp, or empty when unset (Maven treats a value of one character as unset). */
    public static Optional<Instant> parse(String value) throws DeckConfigurationException {
        if (value == null || value.strip().length() < 2) {
            return Optional.empty();
        }
        String text = value.strip();
        try {
            if (text.chars().allMatch(Character::isDigit)) {
                return Optional.of(Instant.ofEpochSecond(Long.parseLong(text)));
            }
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new DeckConfigurationException("<outputTimestamp> \"" + text
                    + "\" is neither ISO-8601 with an offset (2026-11-25T10:00:00Z) nor seconds since the epoch");
        }
    }
}
