package io.github.ankimaven.core.apkg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParallelDeflateTest {

    private static final int BLOCK = ParallelDeflate.BLOCK;

    @TempDir
    Path directory;

    @Test
    void aBlocksBytesDoNotDependOnTheBufferItIsDeflatedInto() {
        // Incompressible blocks of lengths around 3 x 64 KiB of output: for some, a sync flush fills
        // a 64 KiB call exactly, and one more call adds an empty stored block. The bytes must be
        // what 64 KiB calls give (as before buffers were recycled), whatever the buffer's size.
        Random random = new Random(5);
        byte[] block = new byte[200_000];
        random.nextBytes(block);
        boolean edgeSeen = false;
        for (int length = 196_500; length < 196_650; length++) {
            byte[] expected = deflateInChunksOf64KiB(block, length);
            edgeSeen |= expected.length % 65_536 == 5;
            for (int capacity : new int[] {1, 65_536, 196_608, BLOCK / 2, BLOCK * 2}) {
                ParallelDeflate.Output output = new ParallelDeflate.Output(0);
                output.bytes = new byte[capacity];
                ParallelDeflate.deflate(block, length, null, false, 4, output);
                assertArrayEquals(expected, java.util.Arrays.copyOf(output.bytes, output.length), length + " in " + capacity);
            }
        }
        assertTrue(edgeSeen, "some length must make a flush fill a call exactly");
    }

    private static byte[] deflateInChunksOf64KiB(byte[] block, int length) {
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(4, true);
        deflater.setInput(block, 0, length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[65_536];
        while (true) {
            int n = deflater.deflate(chunk, 0, chunk.length, java.util.zip.Deflater.SYNC_FLUSH);
            out.write(chunk, 0, n);
            if (n < chunk.length && deflater.needsInput()) {
                deflater.end();
                return out.toByteArray();
            }
        }
    }

    /**
     * Whatever the file's size, its blocks are BLOCK bytes but the last, each deflated with the
     * 32 KiB before it as dictionary: buffers sized to a small file must not move a block's edge.
     */
    @Test
    void blocksAreWholeMegabytesButTheLastForFilesOfAnySize() throws Exception {
        for (int size : new int[] {0, 1, 40_000, BLOCK - 1, BLOCK, BLOCK + 1, 2 * BLOCK, 3 * BLOCK + 12_345}) {
            byte[] data = compressibleBytes(size, size);
            Path file = directory.resolve("size-" + size);
            Files.write(file, data);
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            int start = 0;
            do {
                int length = Math.min(BLOCK, size - start);
                boolean last = start + length == size;
                byte[] dictionary = start == 0 ? null : java.util.Arrays.copyOfRange(data, start - 32 * 1024, start);
                ParallelDeflate.Output output = new ParallelDeflate.Output(length);
                ParallelDeflate.deflate(java.util.Arrays.copyOfRange(data, start, start + length), length, dictionary, last, 4,
                        output);
                expected.write(output.bytes, 0, output.length);
                start += length;
            } while (start < size);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ParallelDeflate.Result result = ParallelDeflate.compress(file, out, 4);
            assertArrayEquals(expected.toByteArray(), out.toByteArray(), "size " + size);
            assertArrayEquals(data, inflate(out.toByteArray()), "size " + size);
            assertEquals(size, result.size());
        }
    }

    @Test
    void oneGoIsAnOrdinaryDeflateStream() throws Exception {
        Path file = directory.resolve("data");
        byte[] data = compressibleBytes(3 * BLOCK + 12_345, 1);
        Files.write(file, data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ParallelDeflate.Result result = ParallelDeflate.compress(file, out, 4);
        assertArrayEquals(data, inflate(out.toByteArray()));
        assertEquals(data.length, result.size());
        assertEquals(out.size(), result.compressedSize());
        CRC32 crc = new CRC32();
        crc.update(data);
        assertEquals(crc.getValue(), result.crc());
    }

    /**
     * Early blocks whose bytes changed afterwards (a page SQLite updated), and blocks whose
     * dictionary changed, are compressed again: the output equals compressing the final file.
     */
    @Test
    void earlyStartGivesTheSameBytesAsOneGoWhateverChangedAfterwards() throws Exception {
        Path file = directory.resolve("collection");
        Files.write(file, compressibleBytes(5 * BLOCK + 100, 2));
        Path side = directory.resolve("side");
        try (ParallelDeflate deflate = new ParallelDeflate(file, side, 4, 1)) {
            deflate.startEarly(Files.size(file));
            Thread.sleep(200); // let some early blocks finish before the file changes
            try (RandomAccessFile access = new RandomAccessFile(file.toFile(), "rw")) {
                access.seek(10); // the first page (SQLite's header)
                access.write(new byte[] {1, 2, 3});
                access.seek(3L * BLOCK - 5); // the tail of block 2: the dictionary of block 3
                access.write(new byte[] {9, 9, 9});
            }
            Files.write(file, compressibleBytes(2 * BLOCK + 7, 3), StandardOpenOption.APPEND); // the indexes
            ByteArrayOutputStream early = new ByteArrayOutputStream();
            ParallelDeflate.Result earlyResult = deflate.writeTo(early);

            ByteArrayOutputStream oneGo = new ByteArrayOutputStream();
            ParallelDeflate.Result oneGoResult = oneGo(file, oneGo, 4, 1, 5);
            assertArrayEquals(oneGo.toByteArray(), early.toByteArray());
            assertEquals(oneGoResult, earlyResult);
            assertArrayEquals(Files.readAllBytes(file), inflate(early.toByteArray()));
        }
        assertFalse(Files.exists(side), "the side file is deleted on close");
    }

    @Test
    void earlyStartOnAFileThatShrinksOrEndsInsideAnEarlyBlockStillMatches() throws Exception {
        Path file = directory.resolve("collection");
        Files.write(file, compressibleBytes(4 * BLOCK, 4));
        try (ParallelDeflate deflate = new ParallelDeflate(file, directory.resolve("side"), 6, 2)) {
            deflate.startEarly(Files.size(file));
            Thread.sleep(100);
            try (RandomAccessFile access = new RandomAccessFile(file.toFile(), "rw")) {
                access.setLength(3L * BLOCK - 1000); // the last early blocks are gone or cut short
            }
            ByteArrayOutputStream early = new ByteArrayOutputStream();
            deflate.writeTo(early);
            ByteArrayOutputStream oneGo = new ByteArrayOutputStream();
            oneGo(file, oneGo, 6, 2, 4);
            assertArrayEquals(oneGo.toByteArray(), early.toByteArray());
        }
    }

    @Test
    void blocksAfterTheEarlyPartUseTheirOwnLevel() throws Exception {
        Path file = directory.resolve("collection");
        Files.write(file, compressibleBytes(4 * BLOCK + 10, 5));
        ByteArrayOutputStream mixed = new ByteArrayOutputStream();
        oneGo(file, mixed, 6, 1, 2);
        ByteArrayOutputStream level6 = new ByteArrayOutputStream();
        ParallelDeflate.compress(file, level6, 6);
        assertFalse(java.util.Arrays.equals(level6.toByteArray(), mixed.toByteArray()));
        assertArrayEquals(Files.readAllBytes(file), inflate(mixed.toByteArray()));
    }

    /** The reference: the finished file compressed in one go, with the level boundary an early start would set. */
    private static ParallelDeflate.Result oneGo(Path file, ByteArrayOutputStream out, int level, int levelAfter, long boundary)
            throws IOException {
        try (ParallelDeflate deflate = new ParallelDeflate(file, null, level, levelAfter)) {
            deflate.levelBoundary(boundary);
            return deflate.writeTo(out);
        }
    }

    /** Text-like bytes: compressible, with enough variety that each block compresses differently. */
    private static byte[] compressibleBytes(int length, long seed) {
        Random random = new Random(seed);
        String[] words = {"hypervisor ", "container ", "virtual ", "machine ", "cloud ", "<br>", "&amp; ", "\u001f", "\0\0\0"};
        ByteArrayOutputStream out = new ByteArrayOutputStream(length);
        while (out.size() < length) {
            byte[] word = words[random.nextInt(words.length)].getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.write(word, 0, word.length);
            if (random.nextInt(10) == 0) {
                out.write(random.nextInt(256));
            }
        }
        return java.util.Arrays.copyOf(out.toByteArray(), length);
    }

    private static byte[] inflate(byte[] deflated) throws DataFormatException, IOException {
        Inflater inflater = new Inflater(true);
        inflater.setInput(deflated);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        while (!inflater.finished()) {
            int n = inflater.inflate(buffer);
            if (n == 0 && inflater.needsInput()) {
                break;
            }
            out.write(buffer, 0, n);
        }
        inflater.end();
        return out.toByteArray();
    }
}
