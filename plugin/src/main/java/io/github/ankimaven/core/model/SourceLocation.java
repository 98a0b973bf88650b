package io.github.ankimaven.core.model;

import java.util.Comparator;

/**
 * Where a record starts: a file path as shown to the user (relative to the project's base
 * directory, with {@code /} separators) and the 1-based physical line, or 0 for a finding about
 * a whole file.
 */
public record SourceLocation(String file, int line) implements Comparable<SourceLocation> {

    private static final Comparator<SourceLocation> ORDER =
            Comparator.comparing(SourceLocation::file).thenComparingInt(SourceLocation::line);

    @Override
    public int compareTo(SourceLocation other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file;
    }
}
