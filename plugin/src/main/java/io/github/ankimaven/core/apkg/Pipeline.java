package io.github.ankimaven.core.apkg;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Hands items to one consumer thread in batches, in order, so the producer (reading and checking
 * card files) and the consumer (SQLite inserts) use both cores. Memory stays bounded: at most
 * 4 batches of 256 wait. The consumer's failure surfaces on the producer's next call.
 */
final class Pipeline<T> {

    /** What the consumer thread does with each item. */
    @FunctionalInterface
    interface Consumer<T> {
        void accept(T item) throws IOException;
    }

    /** Prepares the consumer, on the consumer's thread (its failure surfaces like the consumer's). */
    @FunctionalInterface
    interface ConsumerStart<T> {
        Consumer<T> start() throws IOException;
    }

    // Small batches keep little in flight: what waits here survives every young collection, whose
    // pauses, if long, make the JVM grow its heap. Room for a few of the writer's note batches (256
    // notes each) lets the reader go on while it executes one; while it inserts the cards of 4096
    // notes the reader may wait (twice the room measured no faster at 1M notes).
    private static final int BATCH = 256;
    private static final List<Object> END = List.of();

    private final BlockingQueue<List<?>> queue = new ArrayBlockingQueue<>(4);
    private final Thread thread;
    private List<T> batch = new ArrayList<>(BATCH);
    private volatile Throwable failure;
    private boolean finished;

    Pipeline(String name, ConsumerStart<T> start) {
        thread = new Thread(() -> run(start), name);
        thread.setDaemon(true);
        thread.start();
    }

    @SuppressWarnings("unchecked")
    private void run(ConsumerStart<T> start) {
        try {
            Consumer<T> consumer = start.start();
            while (true) {
                List<?> items = queue.take();
                if (items == END) {
                    return;
                }
                if (failure == null) {
                    for (Object item : items) {
                        consumer.accept((T) item);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            failure = e;
            queue.clear(); // unblock the producer; it sees the failure on its next call
        }
    }

    void add(T item) throws IOException {
        rethrow();
        batch.add(item);
        if (batch.size() == BATCH) {
            put(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    /** Hands over what is left and waits until the consumer has done everything. */
    void finish() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        if (!batch.isEmpty()) {
            put(batch);
        }
        put(END);
        join();
        rethrow();
    }

    /** Stops the consumer without waiting for the remaining items (after a failure elsewhere). */
    void stop() {
        if (!finished) {
            finished = true;
            failure = failure != null ? failure : new IOException("stopped");
            queue.clear();
            queue.offer(END);
            join();
        }
    }

    private void put(List<?> items) throws IOException {
        try {
            while (!queue.offer(items, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                rethrow();
                if (!thread.isAlive()) {
                    throw new IOException("the collection writer stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the collection", e);
        }
    }

    private void join() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void rethrow() throws IOException {
        Throwable thrown = failure;
        if (thrown instanceof IOException io) {
            throw io;
        }
        if (thrown instanceof RuntimeException runtime) {
            throw runtime;
        }
    }
}
