package io.github.ankimaven.core.apkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineTest {

    @Test
    void handsEveryItemOverInOrder() throws IOException {
        List<Integer> seen = new ArrayList<>();
        Pipeline<Integer> pipeline = new Pipeline<>("test", () -> seen::add);
        for (int i = 0; i < 10_000; i++) {
            pipeline.add(i);
        }
        pipeline.finish();
        assertEquals(10_000, seen.size());
        for (int i = 0; i < seen.size(); i++) {
            assertEquals(i, seen.get(i));
        }
    }

    @Test
    void aFailedStartSurfacesOnTheProducersNextCall() {
        Pipeline<Integer> pipeline = new Pipeline<>("test", () -> {
            throw new IOException("cannot create the Anki collection");
        });
        assertEquals("cannot create the Anki collection", feedAll(pipeline, 100_000).getMessage());
    }

    @Test
    void aFailedStartSurfacesEvenWithoutItems() {
        Pipeline<Integer> pipeline = new Pipeline<>("test", () -> {
            throw new IOException("no room");
        });
        assertEquals("no room", assertThrows(IOException.class, pipeline::finish).getMessage());
    }

    @Test
    void aConsumerFailureStopsTheProducer() {
        Pipeline<Integer> pipeline = new Pipeline<>("test", () -> item -> {
            if (item == 5_000) {
                throw new IOException("disk full");
            }
        });
        assertEquals("disk full", feedAll(pipeline, 1_000_000).getMessage());
    }

    /** Adds {@code count} items and finishes, expecting the pipeline to fail on the way. */
    private static IOException feedAll(Pipeline<Integer> pipeline, int count) {
        return assertThrows(IOException.class, () -> {
            for (int i = 0; i < count; i++) {
                pipeline.add(i);
            }
            pipeline.finish();
        });
    }
}
