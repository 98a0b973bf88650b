package io.github.ankimaven.core.apkg;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ankimaven.core.media.MediaFile;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The {@code .apkg} container: {@code collection.anki2} (deflated), the media files as
 * {@code 0..n} (stored, as Anki does: they are mostly compressed already), then the
 * {@code media} map. Entry order, compression and entry times are fixed, so the bytes depend only
 * on the content and the build time, not on the machine's time zone. Media files are streamed:
 * memory does not grow with their size.
 */
final class PackageZip {

    // DOS time cannot represent instants before 1980.
    private static final LocalDateTime EARLIEST_ZIP_TIME = LocalDateTime.of(1980, 1, 1, 0, 0, 2);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BUFFER = 1 << 16;

    private PackageZip() {}

    static void write(Path zipFile, Path collection, List<MediaFile> media, Instant buildTime) throws IOException {
        LocalDateTime entryTime = LocalDateTime.ofInstant(buildTime, ZoneOffset.UTC);
        if (entryTime.isBefore(EARLIEST_ZIP_TIME)) {
            entryTime = EARLIEST_ZIP_TIME;
        }
        ObjectNode mediaMap = JSON.createObjectNode();
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(zipFile), BUFFER);
                ZipOutputStream zip = new ZipOutputStream(file, StandardCharsets.UTF_8)) {
            zip.setLevel(Deflater.DEFAULT_COMPRESSION);
            zip.putNextEntry(deflated("collection.anki2", entryTime));
            Files.copy(collection, zip);
            zip.closeEntry();
            for (int i = 0; i < media.size(); i++) {
                MediaFile mediaFile = media.get(i);
                String entryName = Integer.toString(i);
                zip.putNextEntry(stored(entryName, mediaFile.path(), entryTime));
                Files.copy(mediaFile.path(), zip);
                zip.closeEntry();
                mediaMap.put(entryName, mediaFile.name());
            }
            zip.putNextEntry(deflated("media", entryTime));
            zip.write(mediaMap.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

    private static ZipEntry deflated(String name, LocalDateTime time) {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.DEFLATED);
        // setTimeLocal stores the UTC wall-clock as given; setTime would convert with the JVM's zone.
        entry.setTimeLocal(time);
        return entry;
    }

    /** A stored entry needs its size and CRC before its data: one extra streaming read of the file. */
    private static ZipEntry stored(String name, Path file, LocalDateTime time) throws IOException {
        CRC32 crc = new CRC32();
        long size = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) > 0; ) {
                crc.update(buffer, 0, n);
                size += n;
            }
        }
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(size);
        entry.setCompressedSize(size);
        entry.setCrc(crc.getValue());
        entry.setTimeLocal(time);
        return entry;
    }

    /** SHA-1 of a file, as Anki compares media (streamed). */
    static String sha1(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-1");
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-1", e);
        }
    }
}
