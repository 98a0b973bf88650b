package io.github.ankimaven.core;

import io.github.ankimaven.core.model.Finding;
import io.github.ankimaven.core.release.ReleaseChanges;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of checking or building a deck.
 *
 * @param findings every problem found, sorted by file and line
 * @param packageFile the written package, or null when nothing was written (a check, or errors)
 * @param release what the release changes for learners; null when nothing was written
 */
public record DeckReport(int files, int notes, int cards, int mediaFiles, List<Finding> findings, Path packageFile,
        long packageBytes, ReleaseChanges release, Map<String, Duration> phases) {

    public DeckReport {
        findings = List.copyOf(findings);
        phases = Collections.unmodifiableMap(new LinkedHashMap<>(phases));
    }

    public DeckReport(int files, int notes, int cards, int mediaFiles, List<Finding> findings, Path packageFile,
            long packageBytes, ReleaseChanges release) {
        this(files, notes, cards, mediaFiles, findings, packageFile, packageBytes, release, Map.of());
    }

    /** This report with {@code more} findings (found across decks, after the deck was built). */
    public DeckReport withMoreFindings(List<Finding> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Finding> all = new ArrayList<>(findings);
        all.addAll(more);
        all.sort(null);
        return new DeckReport(files, notes, cards, mediaFiles, all, hasErrors() || more.stream().anyMatch(Finding::isError)
                ? null : packageFile, packageBytes, release, phases);
    }

    /** The time of all phases together. */
    public Duration totalTime() {
        return phases.values().stream().reduce(Duration.ZERO, Duration::plus);
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(Finding::isError);
    }

    public List<Finding> errors() {
        return findings.stream().filter(Finding::isError).toList();
    }

    public List<Finding> warnings() {
        return findings.stream().filter(f -> !f.isError()).toList();
    }

    /** How many errors the deck has, counting those not listed one by one. */
    public int errorCount() {
        return findings.stream().filter(Finding::isError).mapToInt(Finding::problems).sum();
    }

    /** How many warnings the deck has, counting those not listed one by one. */
    public int warningCount() {
        return findings.stream().filter(f -> !f.isError()).mapToInt(Finding::problems).sum();
    }

    /** How many distinct files the findings of {@code list} are in. */
    public static long fileCount(List<Finding> list) {
        return list.stream().map(f -> f.location().file()).distinct().count();
    }
}
