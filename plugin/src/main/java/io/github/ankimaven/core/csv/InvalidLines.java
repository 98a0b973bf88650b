package io.github.ankimaven.core.csv;

import java.util.List;

/**
 * The lines of a file holding bytes its encoding does not allow.
 *
 * @param listed the first of them (1-based line numbers), up to a limit
 * @param total how many lines there are in all
 * @param firstUnlisted the first line not listed, or 0 when all are
 */
record InvalidLines(List<Integer> listed, int total, int firstUnlisted) {

    InvalidLines {
        listed = List.copyOf(listed);
    }

    static final InvalidLines NONE = new InvalidLines(List.of(), 0, 0);

    /** Collects the lines as a scan finds them (each line once, in increasing order), listing the first {@code limit}. */
    static final class Collector {
        private final int limit;
        private final List<Integer> listed = new java.util.ArrayList<>();
        private int total;
        private int firstUnlisted;

        Collector(int limit) {
            this.limit = limit;
        }

        void add(int line) {
            total++;
            if (listed.size() < limit) {
                listed.add(line);
            } else if (firstUnlisted == 0) {
                firstUnlisted = line;
            }
        }

        InvalidLines result() {
            return new InvalidLines(listed, total, firstUnlisted);
        }
    }
}
