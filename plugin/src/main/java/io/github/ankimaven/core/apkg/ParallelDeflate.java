package io.github.ankimaven.core.apkg;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Deflater;

/**
 * Deflates a file on every core, as pigz does: the input is cut into fixed blocks, each block is
 * compressed with the previous block's last 32 KiB as its dictionary and ends on a byte
 * boundary (sync flush), so the concatenation is one ordinary raw deflate stream that any
 * unzip reads. Block size and level are fixed, so the bytes do not depend on the core count.
 *
 * <p>It can start before the file is complete ({@link #startEarly}): while SQLite builds the
 * indexes on one core, the blocks already written (the tables) are compressed on the other
 * into a side file. {@link #writeTo} then reuses each early block whose bytes and dictionary
 * are still the same (checked by CRC-32 and CRC-32C) and compresses the rest, so the output is
 * exactly what compressing the finished file in one go gives.
 *
 * <p>The blocks after those written when compressing started early (SQLite's indexes: sorted
 * integers) get a level of their own: level 1 compresses them faster and smaller than level 4.
 */
final class ParallelDeflate implements AutoCloseable {

    /** What the zip entry needs to know about the compressed data. */
    record Result(long crc, long size, long compressedSize) {}

    /** A block compressed early: where its deflated bytes are in the side file, and what they were made from. */
    private record EarlyBlock(long offset, int length, long dataFingerprint, long dictionaryFingerprint) {}

    static final int BLOCK = 1 << 20;
    private static final int DICTIONARY = 32 * 1024;
    private static final int CHUNK = 64 * 1024; // deflate's room per call: part of the output's definition

    private final Path input;
    private final Path sideFile;
    private final int level;
    private final int levelAfterEarly;
    private long levelBoundary = Long.MAX_VALUE; // the first block compressed at levelAfterEarly
    private final List<Future<EarlyBlock>> earlyBlocks = new ArrayList<>();
    private ExecutorService early;
    private FileChannel side;
    private long sideLength; // only the early thread writes it; Future.get() publishes it
    private byte[] earlyData; // the early thread's block buffer, used again for every block
    private Output earlyOutput; // and its output buffer

    /**
     * A block's deflated bytes in a buffer that is used again for later blocks: a fresh buffer (and
     * its copy) per megabyte of input made the collector run during compression.
     */
    static final class Output {
        byte[] bytes;
        int length;

        /** Room for a block of {@code blockLength} bytes that deflate halves, as the collection's do. */
        Output(int blockLength) {
            bytes = new byte[Math.max(CHUNK, blockLength / 2)];
        }
    }

    /**
     * @param sideFile where early blocks are kept (deleted on {@link #close})
     * @param level the deflate level of the blocks written before {@link #startEarly}
     * @param levelAfterEarly the level of the blocks after them
     */
    ParallelDeflate(Path input, Path sideFile, int level, int levelAfterEarly) {
        this.input = input;
        this.sideFile = sideFile;
        this.level = level;
        this.levelAfterEarly = levelAfterEarly;
    }

    /** Compresses {@code input} in one go, every block at {@code level}. */
    static Result compress(Path input, OutputStream out, int level) throws IOException {
        try (ParallelDeflate deflate = new ParallelDeflate(input, null, level, level)) {
            return deflate.writeTo(out);
        }
    }

    /** The size of the file to compress, once it is complete. */
    long inputSize() throws IOException {
        return Files.size(input);
    }

    /** Compresses blocks from number {@code firstBlock} on at the later level (what {@link #startEarly} does). */
    void levelBoundary(long firstBlock) {
        levelBoundary = firstBlock;
    }

    /**
     * Starts compressing, on one background thread, the whole blocks of the first
     * {@code writtenLength} bytes: the part of the file expected not to change any more.
     */
    void startEarly(long writtenLength) throws IOException {
        if (early != null || sideFile == null) {
            throw new IllegalStateException("already started, or no side file");
        }
        side = FileChannel.open(sideFile, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE, StandardOpenOption.READ);
        early = Executors.newSingleThreadExecutor(runnable -> daemon(runnable, "anki-deflate-early"));
        levelBoundary(writtenLength / BLOCK);
        for (long block = 0; block < writtenLength / BLOCK; block++) {
            long index = block;
            earlyBlocks.add(early.submit(() -> compressEarly(index)));
        }
    }

    private EarlyBlock compressEarly(long index) throws IOException {
        if (earlyData == null) {
            earlyData = new byte[BLOCK];
        }
        byte[] data = earlyData;
        byte[] dictionary = index == 0 ? null : new byte[DICTIONARY];
        try (FileChannel channel = FileChannel.open(input, StandardOpenOption.READ)) {
            if (dictionary != null && !readFully(channel, dictionary, index * BLOCK - DICTIONARY)
                    || !readFully(channel, data, index * BLOCK)) {
                return null;
            }
        }
        earlyOutput = earlyOutput != null ? earlyOutput : new Output(BLOCK);
        deflate(data, data.length, dictionary, false, level, earlyOutput);
        ByteBuffer buffer = ByteBuffer.wrap(earlyOutput.bytes, 0, earlyOutput.length);
        long offset = sideLength;
        while (buffer.hasRemaining()) {
            side.write(buffer, offset + buffer.position());
        }
        sideLength += earlyOutput.length;
        return new EarlyBlock(offset, earlyOutput.length, fingerprint(data), dictionary == null ? 0 : fingerprint(dictionary));
    }

    private static boolean readFully(FileChannel channel, byte[] target, long position) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(target);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Writes the raw deflate stream of the (now complete) file to {@code out}. */
    Result writeTo(OutputStream out) throws IOException {
        for (Future<EarlyBlock> block : earlyBlocks) {
            block.cancel(false); // blocks not started yet are compressed below, on every core
        }
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> daemon(runnable, "anki-deflate"));
        CRC32 crc = new CRC32();
        long size = 0;
        long compressed = 0;
        // Block buffers are recycled (a fresh megabyte per block would keep the collector busy):
        // a buffer is free again once its block is written and the next block's dictionary copied.
        Deque<byte[]> free = new ArrayDeque<>();
        Deque<Output> freeOutputs = new ConcurrentLinkedDeque<>(); // taken on the pool's threads
        Deque<Future<Output>> pending = new ArrayDeque<>();
        Deque<byte[]> pendingBuffers = new ArrayDeque<>();
        // The file is complete: its size keeps small packages from allocating (and the JVM from
        // zeroing) megabyte buffers they do not fill. Every block but the last is still BLOCK long.
        long remaining = Files.size(input);
        try (InputStream in = Files.newInputStream(input)) {
            byte[] block = new byte[(int) Math.min(BLOCK, remaining)];
            int length = in.readNBytes(block, 0, block.length);
            remaining -= length;
            byte[] dictionary = null;
            for (int index = 0; ; index++) {
                byte[] next = null;
                int nextLength = 0;
                if (length == BLOCK && remaining > 0) {
                    next = free.isEmpty() ? new byte[(int) Math.min(BLOCK, remaining)] : free.pop();
                    nextLength = in.readNBytes(next, 0, next.length);
                    remaining -= nextLength;
                }
                boolean last = nextLength == 0;
                if (last && in.read() >= 0) {
                    throw new IOException(input + " grew while it was being compressed");
                }
                crc.update(block, 0, length);
                size += length;
                Future<EarlyBlock> early = last || index >= earlyBlocks.size() ? null : earlyBlocks.get(index);
                byte[] data = block;
                int dataLength = length;
                byte[] blockDictionary = dictionary;
                int blockLevel = index < levelBoundary ? level : levelAfterEarly;
                pending.add(pool.submit(() -> {
                    Output output = freeOutputs.poll();
                    output = output != null ? output : new Output(dataLength);
                    if (early == null || !reusable(early, data, blockDictionary, output)) {
                        deflate(data, dataLength, blockDictionary, last, blockLevel, output);
                    }
                    return output;
                }));
                pendingBuffers.add(block);
                dictionary = last ? null : Arrays.copyOfRange(block, length - DICTIONARY, length);
                while (pending.size() > threads * 2 || (last && !pending.isEmpty())) {
                    Output deflated = pending.removeFirst().get();
                    out.write(deflated.bytes, 0, deflated.length);
                    compressed += deflated.length;
                    freeOutputs.push(deflated);
                    free.push(pendingBuffers.removeFirst());
                }
                if (last) {
                    return new Result(crc.getValue(), size, compressed);
                }
                block = next;
                length = nextLength;
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

    /**
     * Puts the early deflated bytes of a block into {@code output} if they were made from exactly
     * these bytes (a whole block and its dictionary); false if not. Runs on a pool thread, so
     * checks go in parallel.
     */
    private boolean reusable(Future<EarlyBlock> future, byte[] block, byte[] dictionary, Output output)
            throws IOException, InterruptedException {
        EarlyBlock early;
        try {
            early = future.get();
        } catch (CancellationException | ExecutionException e) {
            return false; // not started in time, or failed: compress it now
        }
        if (early == null || early.dataFingerprint() != fingerprint(block)
                || early.dictionaryFingerprint() != (dictionary == null ? 0 : fingerprint(dictionary))) {
            return false;
        }
        if (output.bytes.length < early.length()) {
            output.bytes = new byte[early.length()];
        }
        ByteBuffer buffer = ByteBuffer.wrap(output.bytes, 0, early.length());
        while (buffer.hasRemaining()) {
            if (side.read(buffer, early.offset() + buffer.position()) < 0) {
                throw new IOException("the side file " + sideFile + " is shorter than expected");
            }
        }
        output.length = early.length();
        return true;
    }

    /** CRC-32 and CRC-32C together: 64 bits, so a changed block passing for unchanged is out of the question. */
    private static long fingerprint(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        CRC32C crcC = new CRC32C();
        crcC.update(bytes);
        return crc.getValue() << 32 | crcC.getValue();
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Deflates the block into {@code output}, growing its buffer when the block does not shrink
     * enough. Each call gets exactly {@link #CHUNK} bytes of room, whatever the buffer's size:
     * when a sync flush fills the room exactly, one more call adds an empty stored block, so the
     * bytes depend on the room, which must not depend on which recycled buffer a block gets.
     */
    static void deflate(byte[] block, int length, byte[] dictionary, boolean last, int level, Output output) {
        Deflater deflater = new Deflater(level, true);
        try {
            if (dictionary != null) {
                deflater.setDictionary(dictionary);
            }
            deflater.setInput(block, 0, length);
            if (last) {
                deflater.finish();
            }
            int written = 0;
            while (true) {
                if (output.bytes.length - written < CHUNK) {
                    output.bytes = Arrays.copyOf(output.bytes, Math.max(written + CHUNK, output.bytes.length * 2));
                }
                int room = CHUNK;
                int n = last ? deflater.deflate(output.bytes, written, room)
                        : deflater.deflate(output.bytes, written, room, Deflater.SYNC_FLUSH);
                written += n;
                if (last ? deflater.finished() : n < room && deflater.needsInput()) {
                    output.length = written;
                    return;
                }
            }
        } finally {
            deflater.end();
        }
    }

    /** Stops the background thread and deletes the side file. */
    @Override
    public void close() throws IOException {
        if (early != null) {
            earlyBlocks.forEach(block -> block.cancel(false));
            early.shutdown();
            try {
                early.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (side != null) {
            side.close();
        }
        if (sideFile != null) {
            Files.deleteIfExists(sideFile);
        }
    }
}
