package io.github.ankimaven.core.model;

import java.util.Comparator;

/**
 * One problem found in the deck's input, reported as {@code path:line: message}.
 *
 * @param rule a short stable identifier of the check (e.g. {@code duplicate-term}), for
 *     reports and for configuring severities
 * @param unlisted for a finding that stands for findings of its rule and severity not listed one
 *     by one (see {@code Findings}), how many they are; 0 for an ordinary finding
 */
public record Finding(Severity severity, SourceLocation location, String rule, String message, int unlisted)
        implements Comparable<Finding> {

    public Finding(Severity severity, SourceLocation location, String rule, String message) {
        this(severity, location, rule, message, 0);
    }

    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::location)
            .thenComparing(Finding::severity)
            .thenComparing(Finding::message);

    public static Finding error(SourceLocation location, String rule, String message) {
        return new Finding(Severity.ERROR, location, rule, message);
    }

    public static Finding warning(SourceLocation location, String rule, String message) {
        return new Finding(Severity.WARNING, location, rule, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** How many problems this finding reports: itself, or those it stands for. */
    public int problems() {
        return unlisted == 0 ? 1 : unlisted;
    }

    @Override
    public int compareTo(Finding other) {
        return ORDER.compare(this, other);
    }

    /** The GCC-style line editors and CI log parsers understand. */
    @Override
    public String toString() {
        return location + ": " + message;
    }
}
