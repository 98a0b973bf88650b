package io.github.ankimaven.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoggingProgressTest {

    @Test
    void theSummaryHasThePackagesSizeAndEachPhasesTime() {
        Map<String, Duration> phases = new LinkedHashMap<>();
        phases.put("notes", Duration.ofMillis(9_110));
        phases.put("collection", Duration.ofMillis(2_720));
        phases.put("package", Duration.ofMillis(1_970));
        assertEquals("Built \"Bench 1000000\" (141.8 MiB) in 13.80 s (notes 9.11 s, collection 2.72 s, package 1.97 s)",
                LoggingProgress.summary("Bench 1000000", 148_700_669, Duration.ofMillis(13_800), phases));
    }

    @Test
    void sizesReadAsBytesKibibytesOrMebibytes() {
        assertEquals("1 byte", LoggingProgress.size(1));
        assertEquals("1023 bytes", LoggingProgress.size(1023));
        assertEquals("1.0 KiB", LoggingProgress.size(1024));
        assertEquals("15.2 KiB", LoggingProgress.size(15_565));
        assertEquals("1.5 MiB", LoggingProgress.size(1_520_528));
    }
}
