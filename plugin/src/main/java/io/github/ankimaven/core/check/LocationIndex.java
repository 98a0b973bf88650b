package io.github.ankimaven.core.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compact index of 64-bit key hashes and where each key was seen: two primitive arrays filled
 * in reading order (16 to 24 bytes a key, as they grow by half), instead of a map of strings,
 * so a deck of a million notes costs megabytes, not hundreds of them. Equal hashes are found
 * once, by sorting a copy of the hashes when the suspects are asked for: appending is cheap,
 * where a hash table of a million keys misses the processor's cache on nearly every insert.
 * Equal hashes are only <em>suspects</em>: the caller verifies them against the real keys, so
 * a hash collision never reports a false duplicate.
 */
final class LocationIndex {

    private static final long MAX_KEYS = Integer.MAX_VALUE - 8; // the largest array a JVM allocates

    private long[] hashes = new long[1024];
    private long[] locations = new long[1024];
    private int size;
    private Map<Long, List<Long>> suspects;

    /** Records a key's location. */
    void add(long hash, long location) {
        if (size == hashes.length) {
            int capacity = (int) Math.min(size + (size >> 1), MAX_KEYS);
            if (capacity == size) {
                throw new IllegalStateException("more than " + MAX_KEYS + " keys");
            }
            hashes = Arrays.copyOf(hashes, capacity);
            locations = Arrays.copyOf(locations, capacity);
        }
        hashes[size] = hash;
        locations[size] = location;
        size++;
        suspects = null;
    }

    /**
     * The groups of locations that share a hash, each in the order they were added: the
     * candidates for duplicates.
     */
    Map<Long, List<Long>> suspects() {
        if (suspects == null) {
            suspects = findSuspects();
        }
        return suspects;
    }

    private Map<Long, List<Long>> findSuspects() {
        long[] sorted = Arrays.copyOf(hashes, size);
        Arrays.sort(sorted);
        // The hashes seen more than once, each once, moved to the start of the array. Fewer than i
        // of them are found before index i, so moving them never overwrites a hash still to be compared.
        int shared = 0;
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1] && (shared == 0 || sorted[shared - 1] != sorted[i])) {
                sorted[shared++] = sorted[i];
            }
        }
        Map<Long, List<Long>> groups = new LinkedHashMap<>();
        for (int i = 0; i < size && shared > 0; i++) {
            if (Arrays.binarySearch(sorted, 0, shared, hashes[i]) >= 0) {
                groups.computeIfAbsent(hashes[i], hash -> new ArrayList<>()).add(locations[i]);
            }
        }
        return groups;
    }

    /** A 64-bit hash of a string (FNV-1a over its chars, then mixed). */
    static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
