package io.github.ankimaven.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.ankimaven.core.model.CardFile;
import io.github.ankimaven.core.model.NoteType;
import io.github.ankimaven.core.model.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildFingerprintTest {

    @TempDir
    Path directory;

    private DeckRequest request(Path cards) {
        return new DeckRequest("Deck", "", "g:a", List.of(new CardFile(cards, "cards.csv")), StandardCharsets.UTF_8,
                List.of(), NoteType.termDefinition(), Severity.ERROR, Instant.parse("2026-11-25T00:00:00Z"));
    }

    @Test
    void inTheBackgroundItIsTheSameFingerprintAndFollowsTheCardFiles() throws IOException {
        Path cards = Files.writeString(directory.resolve("cards.csv"), "Term,Definition\nVM,virtual machine\n");
        String before = BuildFingerprint.of(request(cards), "1.0", "2026");
        assertEquals(before, BuildFingerprint.inBackground(request(cards), "1.0", "2026").get());
        Files.writeString(cards, "Term,Definition\nVM,a virtual machine\n");
        assertNotEquals(before, BuildFingerprint.inBackground(request(cards), "1.0", "2026").get());
    }

    @Test
    void aFailureInTheBackgroundIsThrownWhenTheFingerprintIsAskedFor() {
        BuildFingerprint.Pending pending = BuildFingerprint.inBackground(request(directory.resolve("gone.csv")), "1.0", "2026");
        assertThrows(NoSuchFileException.class, pending::get);
    }
}
