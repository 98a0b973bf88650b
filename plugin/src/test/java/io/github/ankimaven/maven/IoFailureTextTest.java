package io.github.ankimaven.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class IoFailureTextTest {

    @Test
    void aFileSystemFailureSaysWhatWentWrongNotJustThePath() {
        assertEquals("/deck/cards.csv: permission denied (check the permissions of the file and its directory)",
                AbstractAnkiMojo.describe(new AccessDeniedException("/deck/cards.csv")));
        assertEquals("/deck/cards.csv: no such file", AbstractAnkiMojo.describe(new NoSuchFileException("/deck/cards.csv")));
        assertEquals("/deck: Is a directory", AbstractAnkiMojo.describe(new FileSystemException("/deck", null, "Is a directory")));
        assertEquals("disk full", AbstractAnkiMojo.describe(new IOException("disk full")));
    }
}
