package io.github.ankimaven.core.model;

import java.util.Comparator;

/**
 * One problem found in the deck's input, reported as {@code path:line: message}.
 *
 * @param rule a short stable identifier of the check (e.g. {@code duplicate-term}), for
 *     reports and for configuring severities
 */
public record Finding(Severity severity, SourceLocation location, String rule, String message)
        implements Comparable<Finding> {

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
