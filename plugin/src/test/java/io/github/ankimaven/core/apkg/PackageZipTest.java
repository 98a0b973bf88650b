package io.github.ankimaven.core.apkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.ankimaven.core.media.MediaFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageZipTest {

    @TempDir
    Path dir;

    @Test
    void moreMediaFilesThanAZipWithoutZip64HoldsIsAClearErrorBeforeAnythingIsWritten() {
        List<MediaFile> media = IntStream.range(0, 65_534).mapToObj(i -> new MediaFile("_f" + i + ".txt", dir.resolve("_f" + i + ".txt")))
                .toList();
        Path zip = dir.resolve("deck.apkg");
        IOException e = assertThrows(IOException.class, () -> PackageZip.write(zip, dir.resolve("collection.anki2"), media, Instant.EPOCH));
        assertEquals("the deck has 65,534 media files, but this plugin cannot yet write more than 65,533 into one package (a zip"
                + " without Zip64 holds 65,535 entries, two of them the collection and the media map): split the deck or its media",
                e.getMessage());
        assertFalse(zip.toFile().exists());
    }
}
