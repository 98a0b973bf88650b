package io.github.ankimaven.core.apkg;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Deflates a file on every core, as pigz does: the input is cut into fixed blocks, each block is
 * compressed with the previous block's last 32 KiB as its dictionary and ends on a byte
 * boundary (sync flush), so the concatenation is one ordinary raw deflate stream that any
 * unzip reads. Block size and level are fixed, so the bytes do not depend on the core count.
 */
final class ParallelDeflate {

    /** What the zip entry needs to know about the compressed data. */
    record Result(long crc, long size, long compressedSize) {}

    private static final int BLOCK = 1 << 20;
    private static final int DICTIONARY = 32 * 1024;

    private ParallelDeflate() {}

    static Result compress(Path input, OutputStream out, int level) throws IOException {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "anki-deflate");
            thread.setDaemon(true);
            return thread;
        });
        CRC32 crc = new CRC32();
        long size = 0;
        long compressed = 0;
        Deque<Future<byte[]>> pending = new ArrayDeque<>();
        try (InputStream in = Files.newInputStream(input)) {
            byte[] previous = null;
            byte[] block = in.readNBytes(BLOCK);
            while (true) {
                byte[] next = block.length == BLOCK ? in.readNBytes(BLOCK) : new byte[0];
                boolean last = next.length == 0;
                crc.update(block);
                size += block.length;
                byte[] dictionary = previous == null ? null
                        : Arrays.copyOfRange(previous, Math.max(0, previous.length - DICTIONARY), previous.length);
                byte[] data = block;
                pending.add(pool.submit(() -> deflate(data, dictionary, last, level)));
                while (pending.size() > threads * 2 || (last && !pending.isEmpty())) {
                    byte[] deflated = pending.removeFirst().get();
                    out.write(deflated);
                    compressed += deflated.length;
                }
                if (last) {
                    return new Result(crc.getValue(), size, compressed);
                }
                previous = block;
                block = next;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while compressing " + input, e);
        } catch (ExecutionException e) {
            throw new IOException("cannot compress " + input + ": " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] deflate(byte[] block, byte[] dictionary, boolean last, int level) {
        Deflater deflater = new Deflater(level, true);
        try {
            if (dictionary != null) {
                deflater.setDictionary(dictionary);
            }
            deflater.setInput(block);
            if (last) {
                deflater.finish();
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(block.length / 3 + 64);
            byte[] buffer = new byte[64 * 1024];
            while (true) {
                int n = last ? deflater.deflate(buffer) : deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                out.write(buffer, 0, n);
                if (last ? deflater.finished() : n < buffer.length && deflater.needsInput()) {
                    return out.toByteArray();
                }
            }
        } finally {
            deflater.end();
        }
    }
}
