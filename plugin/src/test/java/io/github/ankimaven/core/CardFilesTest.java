package io.github.ankimaven.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.ankimaven.core.model.CardFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CardFilesTest {

    @TempDir
    Path base;

    @Test
    void cardFilesInALinkedDirectoryAreFound() throws Exception {
        Path shared = Files.createDirectories(base.resolve("shared"));
        Files.writeString(shared.resolve("common.csv"), "Term,Definition\n");
        Path source = Files.createDirectories(base.resolve("src/main/anki"));
        Files.writeString(source.resolve("cards.csv"), "Term,Definition\n");
        Files.createSymbolicLink(source.resolve("shared"), shared);
        List<CardFile> found = CardFiles.find(base, source, List.of("**/*.csv"), List.of());
        assertEquals(List.of("src/main/anki/cards.csv", "src/main/anki/shared/common.csv"),
                found.stream().map(CardFile::displayPath).toList(), "a linked directory's cards are part of the deck");
    }

    @Test
    void spreadsheetsThatAreNotReadAreNamedButNotLockFilesOrExcludedOnes() throws Exception {
        Path source = sourceWithCards();
        Files.createDirectories(source.resolve("more"));
        Files.writeString(source.resolve("Saved.csv"), "Term,Definition\n");
        for (String name : List.of("Verbs.XLSX", "more/nouns.ods", "~$Verbs.XLSX", ".hidden.xls", ".backup/x.xlsx",
                "old/draft.xlsx", "notes.txt", "saved.xlsx")) {
            Files.createDirectories(source.resolve(name).getParent());
            Files.writeString(source.resolve(name), "PK");
        }
        CardFiles.Found found = CardFiles.scan(base, source, List.of("**/*.csv"), List.of("old/**"));
        assertEquals(List.of("src/main/anki/Saved.csv", "src/main/anki/cards.csv"),
                found.cardFiles().stream().map(CardFile::displayPath).toList());
        assertEquals(List.of("src/main/anki/Verbs.XLSX", "src/main/anki/more/nouns.ods"),
                found.unreadSpreadsheets().stream().map(CardFile::displayPath).toList(),
                "saved.xlsx is the master of Saved.csv beside it");
        CardFiles.Found all = CardFiles.scan(base, source, List.of("**/*"), List.of("old/**"));
        assertEquals(List.of(), all.unreadSpreadsheets(), "a spreadsheet the includes take is read, and fails as CSV");
        Files.delete(source.resolve("cards.csv"));
        Files.delete(source.resolve("Saved.csv"));
        assertEquals("no card files in src/main/anki match [**/*.csv] (excluding [old/**]): add a .csv or .tsv file, or"
                + " change <includes> (src/main/anki/Verbs.XLSX is a spreadsheet: save it as CSV UTF-8 next to it)",
                assertThrows(DeckConfigurationException.class,
                        () -> CardFiles.find(base, source, List.of("**/*.csv"), List.of("old/**"))).getMessage());
    }

    @Test
    void patternsMatchCaseInsensitivelyOnEveryOperatingSystem() throws Exception {
        Path source = sourceWithCards();
        Files.writeString(source.resolve("Verbs.CSV"), "Term,Definition\n");
        Files.writeString(source.resolve("Draft-Nouns.csv"), "Term,Definition\n");
        List<CardFile> found = CardFiles.find(base, source, List.of("**/*.csv"), List.of("**/draft-*.CSV"));
        assertEquals(List.of("src/main/anki/Verbs.CSV", "src/main/anki/cards.csv"),
                found.stream().map(CardFile::displayPath).toList(),
                "Verbs.CSV is a card file on Linux as on Windows, and the exclude matches Draft-Nouns.csv");
    }

    /** A source directory holding one card file. */
    private Path sourceWithCards() throws IOException {
        Path source = Files.createDirectories(base.resolve("src/main/anki"));
        Files.writeString(source.resolve("cards.csv"), "Term,Definition\n");
        return source;
    }

    /** The message of the configuration error that finding the card files of {@code source} ends in. */
    private String failure(Path source, String include) {
        return assertThrows(DeckConfigurationException.class, () -> CardFiles.find(base, source, List.of(include), List.of()))
                .getMessage();
    }

    @Test
    void aLinkBackIntoItsOwnDirectoryIsAClearError() throws IOException {
        Path source = sourceWithCards();
        Files.createSymbolicLink(source.resolve("loop"), source);
        assertEquals("the symbolic link src/main/anki/loop leads back into a directory that contains it: remove the link or"
                + " point it elsewhere", failure(source, "**/*.csv"));
    }

    @Test
    void anInvalidPatternIsAClearError() throws IOException {
        assertEquals("the pattern \"**/*.{csv\" in <includes> or <excludes> is not valid near character 9 (check its"
                + " brackets and braces); patterns look like **/*.csv", failure(sourceWithCards(), "**/*.{csv"));
    }

    @Test
    void aCardFileLinkedToNothingIsAClearError() throws IOException {
        Path source = sourceWithCards();
        Files.createSymbolicLink(source.resolve("shared.csv"), Path.of("../../../shared/cards.csv"));
        assertEquals("src/main/anki/shared.csv is a symbolic link to ../../../shared/cards.csv, which does not exist: fix the"
                + " link, or remove it", failure(source, "**/*.csv"));
    }
}
