package io.github.ankimaven.core.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compact index from 64-bit key hashes to where a key was first seen: two primitive arrays
 * (open addressing) instead of a map of strings, so a deck of a million notes costs megabytes,
 * not hundreds of them. Equal hashes are only <em>suspects</em>: the caller verifies them
 * against the real keys, so a hash collision never reports a false duplicate.
 */
final class LocationIndex {

    private static final long EMPTY = 0;

    private long[] hashes = new long[1 << 10];
    private long[] locations = new long[1 << 10];
    private int size;
    private final Map<Long, List<Long>> suspects = new LinkedHashMap<>();

    /** Records a key's location; a hash seen before makes both locations suspects. */
    void add(long hash, long location) {
        long h = hash == EMPTY ? 1 : hash;
        int slot = find(h);
        if (hashes[slot] == h) {
            List<Long> group = suspects.computeIfAbsent(h, k -> new ArrayList<>(List.of(locations[slot])));
            group.add(location);
            return;
        }
        hashes[slot] = h;
        locations[slot] = location;
        if (++size * 2 > hashes.length) {
            grow();
        }
    }

    /** The groups of locations that share a hash: the candidates for duplicates. */
    Map<Long, List<Long>> suspects() {
        return suspects;
    }

    private int find(long hash) {
        int mask = hashes.length - 1;
        int slot = (int) (hash ^ (hash >>> 32)) & mask;
        while (hashes[slot] != EMPTY && hashes[slot] != hash) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldHashes = hashes;
        long[] oldLocations = locations;
        hashes = new long[oldHashes.length * 2];
        locations = new long[oldHashes.length * 2];
        for (int i = 0; i < oldHashes.length; i++) {
            if (oldHashes[i] != EMPTY) {
                int slot = find(oldHashes[i]);
                hashes[slot] = oldHashes[i];
                locations[slot] = oldLocations[i];
            }
        }
        Arrays.fill(oldHashes, 0); // help the collector with the large arrays
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
