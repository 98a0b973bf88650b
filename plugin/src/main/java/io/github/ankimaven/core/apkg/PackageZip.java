package io.github.ankimaven.core.apkg;

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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;

/**
 * The {@code .apkg} container: {@code collection.anki2} (deflated), the media files as
 * {@code 0..n} (stored, as Anki does: they are mostly compressed already), then the
 * {@code media} map. Entry order, compression and entry times are fixed, so the bytes depend only
 * on the content and the build time, not on the machine's time zone. Media files are streamed:
 * memory does not grow with their size. From 65,535 entries or 4 GiB on, the zip gets Zip64 records
 * (only then, so that every ordinary package stays readable by the oldest unzip), which Anki's
 * importers read (tested with 2.1.66).
 */
final class PackageZip {

    // DOS time cannot represent instants before 1980.
    private static final LocalDateTime EARLIEST_ZIP_TIME = LocalDateTime.of(1980, 1, 1, 0, 0, 2);
    private static final int BUFFER = 1 << 16;
    private static final int DATA_DESCRIPTOR = 0x0008;
    // Level 4: about four times faster than level 6 on a collection, and still smaller than zip -6 makes it
    // (measured on a million-note collection: 151 MB at level 4, 146 MB at level 6, 155 MB with zip -6).
    static final int COLLECTION_LEVEL = 4;
    // The indexes (sorted integers, written last) at level 1: on a million-note collection 26 MB
    // against 32 MB at level 4, and twice as fast.
    static final int INDEX_LEVEL = 1;

    // Zip fields that do not fit their 16 or 32 bits hold these, and the real values go into Zip64 records.
    private static final int MAX_16 = 0xFFFF;
    private static final long MAX_32 = 0xFFFFFFFFL;
    private static final int ZIP64_EXTRA = 0x0001;

    private PackageZip() {}

    /** Loads the classes writing a package needs (Jackson's generator, the deflater), so that the end of a build does not wait for them. */
    static void warmUp() {
        try {
            CollectionJson.deckConfigs();
            new Deflater(INDEX_LEVEL, true).end();
        } catch (RuntimeException | LinkageError e) {
            // Only a head start: should anything here fail, the package writing reports it properly.
        }
    }

    static void write(Path zipFile, Path collection, List<MediaFile> media, Instant buildTime) throws IOException {
        try (ParallelDeflate deflate = new ParallelDeflate(collection, null, COLLECTION_LEVEL, COLLECTION_LEVEL)) {
            write(zipFile, deflate, media, buildTime);
        }
    }

    /** Writes the package with the collection compressed by {@code collection}, which may have started early. */
    static void write(Path zipFile, ParallelDeflate collection, List<MediaFile> media, Instant buildTime) throws IOException {
        LocalDateTime entryTime = LocalDateTime.ofInstant(buildTime, ZoneOffset.UTC);
        if (entryTime.isBefore(EARLIEST_ZIP_TIME)) {
            entryTime = EARLIEST_ZIP_TIME;
        }
        List<String> mediaNames = new ArrayList<>();
        try (CountingOutputStream out = new CountingOutputStream(
                new BufferedOutputStream(Files.newOutputStream(zipFile), BUFFER))) {
            ZipLayout zip = new ZipLayout(out, entryTime);
            zip.deflatedFile("collection.anki2", collection, collection.inputSize());
            for (int i = 0; i < media.size(); i++) {
                MediaFile mediaFile = media.get(i);
                String entryName = Integer.toString(i);
                zip.storedFile(entryName, mediaFile.path());
                mediaNames.add(mediaFile.name());
            }
            zip.deflatedBytes("media", CollectionJson.mediaMap(mediaNames).getBytes(StandardCharsets.UTF_8));
            zip.finish();
        }
    }

    /**
     * Writes zip entries by hand, because {@link java.util.zip.ZipOutputStream} cannot take data
     * that is already compressed (the collection is deflated in parallel).
     */
    private static final class ZipLayout {
        private record Central(String name, int flags, int method, long crc, long compressedSize, long size, long offset) {}

        private final CountingOutputStream out;
        private final int dosTime;
        private final int dosDate;
        private final List<Central> entries = new java.util.ArrayList<>();

        ZipLayout(CountingOutputStream out, LocalDateTime time) {
            this.out = out;
            this.dosTime = (time.getHour() << 11) | (time.getMinute() << 5) | (time.getSecond() >> 1);
            this.dosDate = ((time.getYear() - 1980) << 9) | (time.getMonthValue() << 5) | time.getDayOfMonth();
        }

        /**
         * A deflated entry whose sizes follow its data (a data descriptor); in Zip64 form when the
         * file is near 4 GiB or more, as its compressed size may then be 4 GiB or more.
         */
        void deflatedFile(String name, ParallelDeflate file, long fileSize) throws IOException {
            long offset = out.count();
            // Deflate may add a little to data it cannot compress: decide with room for that.
            boolean zip64 = fileSize + fileSize / 1000 + ParallelDeflate.BLOCK >= MAX_32;
            localHeader(name, DATA_DESCRIPTOR, ZipEntry.DEFLATED, 0, 0, 0, zip64);
            ParallelDeflate.Result result = file.writeTo(out);
            int32(0x08074b50);
            int32(result.crc());
            if (zip64) {
                int64(result.compressedSize());
                int64(result.size());
            } else {
                int32(result.compressedSize());
                int32(result.size());
            }
            entries.add(new Central(name, DATA_DESCRIPTOR, ZipEntry.DEFLATED, result.crc(), result.compressedSize(), result.size(),
                    offset));
        }

        /** A stored entry, streamed after one pass to compute its CRC. */
        void storedFile(String name, Path file) throws IOException {
            CRC32 crc = new CRC32();
            long size = 0;
            byte[] buffer = new byte[BUFFER];
            try (InputStream in = Files.newInputStream(file)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    crc.update(buffer, 0, n);
                    size += n;
                }
            }
            long offset = out.count();
            boolean zip64 = size >= MAX_32;
            localHeader(name, 0, ZipEntry.STORED, crc.getValue(), size, size, zip64);
            long copied = Files.copy(file, out);
            if (copied != size) {
                throw new IOException(file + " changed while it was being packed");
            }
            entries.add(new Central(name, 0, ZipEntry.STORED, crc.getValue(), size, size, offset));
        }

        void deflatedBytes(String name, byte[] data) throws IOException {
            Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
            java.io.ByteArrayOutputStream compressed = new java.io.ByteArrayOutputStream();
            try {
                deflater.setInput(data);
                deflater.finish();
                byte[] buffer = new byte[BUFFER];
                while (!deflater.finished()) {
                    compressed.write(buffer, 0, deflater.deflate(buffer));
                }
            } finally {
                deflater.end();
            }
            CRC32 crc = new CRC32();
            crc.update(data);
            long offset = out.count();
            localHeader(name, 0, ZipEntry.DEFLATED, crc.getValue(), compressed.size(), data.length, false);
            compressed.writeTo(out);
            entries.add(new Central(name, 0, ZipEntry.DEFLATED, crc.getValue(), compressed.size(), data.length, offset));
        }

        void finish() throws IOException {
            long start = out.count();
            for (Central entry : entries) {
                centralHeader(entry);
            }
            long size = out.count() - start;
            if (entries.size() >= MAX_16 || size >= MAX_32 || start >= MAX_32) {
                long zip64End = out.count();
                int32(0x06064b50);
                int64(44); // the size of the rest of this record
                int16(45);
                int16(45);
                int32(0);
                int32(0);
                int64(entries.size());
                int64(entries.size());
                int64(size);
                int64(start);
                int32(0x07064b50); // the locator of the record above
                int32(0);
                int64(zip64End);
                int32(1);
            }
            int32(0x06054b50);
            int16(0);
            int16(0);
            int16(Math.min(entries.size(), MAX_16));
            int16(Math.min(entries.size(), MAX_16));
            int32(Math.min(size, MAX_32));
            int32(Math.min(start, MAX_32));
            int16(0);
        }

        /** An entry of the central directory; values that do not fit go into a Zip64 extra field, in the format's order. */
        private void centralHeader(Central entry) throws IOException {
            byte[] name = entry.name().getBytes(StandardCharsets.UTF_8);
            java.io.ByteArrayOutputStream zip64 = new java.io.ByteArrayOutputStream();
            long size = entry.size() >= MAX_32 ? extra(zip64, entry.size()) : entry.size();
            long compressedSize = entry.compressedSize() >= MAX_32 || entry.size() >= MAX_32
                    ? extra(zip64, entry.compressedSize()) : entry.compressedSize();
            long offset = entry.offset() >= MAX_32 ? extra(zip64, entry.offset()) : entry.offset();
            int version = zip64.size() > 0 ? 45 : 20;
            int32(0x02014b50);
            int16(version);
            int16(version);
            int16(entry.flags());
            int16(entry.method());
            int16(dosTime);
            int16(dosDate);
            int32(entry.crc());
            int32(compressedSize);
            int32(size);
            int16(name.length);
            int16(zip64.size() > 0 ? 4 + zip64.size() : 0);
            int16(0);
            int16(0);
            int16(0);
            int32(0);
            int32(offset);
            out.write(name);
            if (zip64.size() > 0) {
                int16(ZIP64_EXTRA);
                int16(zip64.size());
                zip64.writeTo(out);
            }
        }

        /** Adds a value to a Zip64 extra field; returns what the 32-bit field holds instead. */
        private static long extra(java.io.ByteArrayOutputStream zip64, long value) {
            for (int shift = 0; shift < 64; shift += 8) {
                zip64.write((int) (value >>> shift) & 0xff);
            }
            return MAX_32;
        }

        /** A local header; with {@code zip64}, the sizes go into an extra field (zeros when a data descriptor follows). */
        private void localHeader(String name, int flags, int method, long crc, long compressedSize, long size, boolean zip64)
                throws IOException {
            byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
            int32(0x04034b50);
            int16(zip64 ? 45 : 20);
            int16(flags);
            int16(method);
            int16(dosTime);
            int16(dosDate);
            int32(crc);
            int32(zip64 ? MAX_32 : compressedSize);
            int32(zip64 ? MAX_32 : size);
            int16(bytes.length);
            int16(zip64 ? 20 : 0);
            out.write(bytes);
            if (zip64) {
                int16(ZIP64_EXTRA);
                int16(16);
                int64(size);
                int64(compressedSize);
            }
        }

        private void int16(int value) throws IOException {
            out.write(value & 0xff);
            out.write((value >>> 8) & 0xff);
        }

        private void int32(long value) throws IOException {
            if (value < 0 || value > MAX_32) {
                throw new IllegalStateException("a zip field of 32 bits cannot hold " + value + " (a Zip64 record should)");
            }
            for (int shift = 0; shift < 32; shift += 8) {
                out.write((int) (value >>> shift) & 0xff);
            }
        }

        private void int64(long value) throws IOException {
            for (int shift = 0; shift < 64; shift += 8) {
                out.write((int) (value >>> shift) & 0xff);
            }
        }
    }

    /** Counts bytes so entries know their offsets. */
    private static final class CountingOutputStream extends java.io.FilterOutputStream {
        private long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        long count() {
            return count;
        }
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
