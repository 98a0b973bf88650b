package io.github.ankimaven.core.apkg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.ankimaven.core.media.MediaFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageZipTest {

    private static final int ZIP64_END = 0x06064b50;

    @TempDir
    Path dir;

    private List<MediaFile> mediaFiles(int count) throws IOException {
        Path media = Files.createDirectories(dir.resolve("media"));
        List<MediaFile> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path file = Files.writeString(media.resolve("_f" + i + ".txt"), Integer.toString(i));
            files.add(new MediaFile(file.getFileName().toString(), file));
        }
        return files;
    }

    private Path write(List<MediaFile> media) throws IOException {
        Path collection = Files.writeString(dir.resolve("collection.anki2"), "not really SQLite, but bytes to deflate\n".repeat(100));
        Path zip = dir.resolve("deck.apkg");
        PackageZip.write(zip, collection, media, Instant.parse("2026-11-25T10:00:00Z"));
        return zip;
    }

    /** Where the last occurrence of a 32-bit little-endian signature starts, or -1. */
    private static int lastSignature(byte[] zip, int signature) {
        ByteBuffer bytes = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = zip.length - 4; at >= 0; at--) {
            if (bytes.getInt(at) == signature) {
                return at;
            }
        }
        return -1;
    }

    @Test
    void anOrdinaryPackageHasNoZip64Records() throws IOException {
        Path zip = write(mediaFiles(2));
        assertEquals(-1, lastSignature(Files.readAllBytes(zip), ZIP64_END), "readable by any unzip");
        try (ZipFile read = new ZipFile(zip.toFile())) {
            assertEquals(List.of("collection.anki2", "0", "1", "media"), read.stream().map(e -> e.getName()).toList());
        }
    }

    @Test
    void moreEntriesThanTheZipEndRecordCountsGetZip64EndRecords() throws IOException {
        List<MediaFile> media = mediaFiles(65_534); // with the collection and the media map: 65,536 entries
        Path zip = write(media);
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer end = ByteBuffer.wrap(bytes, bytes.length - 22, 22).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0x06054b50, end.getInt(bytes.length - 22));
        assertEquals(0xFFFF, Short.toUnsignedInt(end.getShort(bytes.length - 22 + 10)), "the 16-bit count says: see Zip64");
        int zip64End = lastSignature(bytes, ZIP64_END);
        assertEquals(65_536L, ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(zip64End + 32));
        try (ZipFile read = new ZipFile(zip.toFile())) {
            assertEquals(65_536, read.size());
            assertArrayEquals("65533".getBytes(StandardCharsets.UTF_8), read.getInputStream(read.getEntry("65533")).readAllBytes());
            assertEquals("\"65533\":\"_f65533.txt\"}", new String(read.getInputStream(read.getEntry("media")).readAllBytes(),
                    StandardCharsets.UTF_8).replaceAll(".*,", ""));
        }
    }
}
