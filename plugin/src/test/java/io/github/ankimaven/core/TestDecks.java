package io.github.ankimaven.core;

import io.github.ankimaven.core.model.CardFile;
import io.github.ankimaven.core.model.NoteType;
import io.github.ankimaven.core.model.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds small decks in a temporary project directory. */
public final class TestDecks {

    public static final Instant BUILD_TIME = Instant.parse("2026-11-25T10:00:00Z");

    private final Path baseDirectory;
    private final List<CardFile> files = new ArrayList<>();

    public TestDecks(Path baseDirectory) {
        this.baseDirectory = baseDirectory;
    }

    /** Writes a card file at {@code src/main/anki/<name>} with the given text (UTF-8). */
    public TestDecks file(String name, String text) throws IOException {
        return bytes(name, text.getBytes(StandardCharsets.UTF_8));
    }

    public TestDecks bytes(String name, byte[] content) throws IOException {
        Path path = baseDirectory.resolve("src/main/anki").resolve(name);
        Files.createDirectories(path.getParent());
        Files.write(path, content);
        files.add(new CardFile(path, "src/main/anki/" + name));
        return this;
    }

    /** Writes a media file at {@code src/main/anki/media/<name>}. */
    public TestDecks media(String name, byte[] content) throws IOException {
        Path path = baseDirectory.resolve("src/main/anki/media").resolve(name);
        Files.createDirectories(path.getParent());
        Files.write(path, content);
        return this;
    }

    public DeckRequest request() {
        return request(Severity.ERROR);
    }

    /** A request with the media directory {@code src/main/anki/media}. */
    public DeckRequest requestWithMedia() {
        return request().withMedia(baseDirectory.resolve("src/main/anki/media"), "src/main/anki/media");
    }

    public DeckRequest request(Severity duplicateTerms) {
        return new DeckRequest("Test Deck", "A deck for tests.", "com.example:test-deck", files, StandardCharsets.UTF_8,
                List.of("extra"), NoteType.termDefinition(), duplicateTerms, BUILD_TIME);
    }

    public Path output() {
        return baseDirectory.resolve("target/test-deck.apkg");
    }
}
