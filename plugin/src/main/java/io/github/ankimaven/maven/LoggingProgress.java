package io.github.ankimaven.maven;

import io.github.ankimaven.core.BuildProgress;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.plugin.logging.Log;

/** Progress of a long build in the log: one INFO line every few seconds, nothing for quick builds. */
final class LoggingProgress implements BuildProgress {

    private static final long INTERVAL = Duration.ofSeconds(5).toNanos();

    private final Log log;
    private final String deckName;
    private final long start = System.nanoTime();
    private long lastLine = start;

    LoggingProgress(Log log, String deckName) {
        this.log = log;
        this.deckName = deckName;
    }

    @Override
    public void notesRead(int notes) {
        long now = System.nanoTime();
        if (now - lastLine >= INTERVAL) {
            lastLine = now;
            double seconds = (now - start) / 1e9;
            log.info(String.format(Locale.ROOT, "\"%s\": %,d notes read, checked and written (%,.0f notes/s)", deckName, notes,
                    notes / seconds));
        }
    }

    @Override
    public void phase(String phase) {
        long now = System.nanoTime();
        if (now - start >= INTERVAL) {
            lastLine = now;
            log.info("\"" + deckName + "\": " + phase);
        }
    }

    /** "Built "Deck" (1.5 MiB) in 1.23 s (notes 0.80 s, collection 0.10 s, package 0.33 s)": the package's size and each phase's time. */
    static String summary(String deckName, long packageBytes, Duration total, Map<String, Duration> phases) {
        StringBuilder text = new StringBuilder("Built \"").append(deckName).append("\" (").append(size(packageBytes))
                .append(") in ").append(seconds(total)).append(" (");
        phases.forEach((phase, time) -> text.append(phase).append(' ').append(seconds(time)).append(", "));
        text.setLength(text.length() - 2);
        return text.append(')').toString();
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        return bytes < 1024 * 1024 ? String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0)
                : String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.2f s", duration.toNanos() / 1e9);
    }
}
