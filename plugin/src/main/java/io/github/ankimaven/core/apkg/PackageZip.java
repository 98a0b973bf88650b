package io.github.ankimaven.core.apkg;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The {@code .apkg} container: {@code collection.anki2} (deflated), the media files as
 * {@code 0..n}, then the {@code media} map. Entry order, compression level and entry times are
 * fixed so the bytes depend only on the content and the build time, not on the machine's time zone.
 */
final class PackageZip {

    // DOS time cannot represent instants before 1980.
    private static final LocalDateTime EARLIEST_ZIP_TIME = LocalDateTime.of(1980, 1, 1, 0, 0, 2);

    private PackageZip() {}

    static void write(Path zipFile, Path collection, String mediaMapJson, Instant buildTime) throws IOException {
        LocalDateTime entryTime = LocalDateTime.ofInstant(buildTime, ZoneOffset.UTC);
        if (entryTime.isBefore(EARLIEST_ZIP_TIME)) {
            entryTime = EARLIEST_ZIP_TIME;
        }
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(zipFile), 1 << 16);
                ZipOutputStream zip = new ZipOutputStream(file, StandardCharsets.UTF_8)) {
            zip.setLevel(Deflater.DEFAULT_COMPRESSION);
            zip.putNextEntry(entry("collection.anki2", entryTime));
            Files.copy(collection, zip);
            zip.closeEntry();
            zip.putNextEntry(entry("media", entryTime));
            zip.write(mediaMapJson.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

    private static ZipEntry entry(String name, LocalDateTime time) {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.DEFLATED);
        // setTimeLocal stores the UTC wall-clock as given; setTime would convert with the JVM's zone.
        entry.setTimeLocal(time);
        return entry;
    }
}
