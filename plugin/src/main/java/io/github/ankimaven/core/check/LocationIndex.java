package io.github.ankimaven.core.check;

import java.util.ArrayList;
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

    // Pairs (hash, location) side by side, so that a lookup touches one cache line, not two.
    private long[] slots = new long[2 << 10];
    private int size;
    private final Map<Long, List<Long>> suspects = new LinkedHashMap<>();

    /** Records a key's location; a hash seen before makes both locations suspects. */
    void add(long hash, long location) {
        long h = hash == EMPTY ? 1 : hash;
        int slot = find(slots, h);
        if (slots[slot] == h) {
            long first = slots[slot + 1];
            List<Long> group = suspects.computeIfAbsent(h, k -> new ArrayList<>(List.of(first)));
            group.add(location);
            return;
        }
        slots[slot] = h;
        slots[slot + 1] = location;
        if (++size * 4 > slots.length) { // at most half of the pairs in use
            grow();
        }
    }

    /** The groups of locations that share a hash: the candidates for duplicates. */
    Map<Long, List<Long>> suspects() {
        return suspects;
    }

    /** The index in {@code table} of the pair holding {@code hash}, or of the empty pair where it belongs. */
    private static int find(long[] table, long hash) {
        int mask = (table.length >>> 1) - 1;
        int pair = (int) (hash ^ (hash >>> 32)) & mask;
        while (table[pair << 1] != EMPTY && table[pair << 1] != hash) {
            pair = (pair + 1) & mask;
        }
        return pair << 1;
    }

    private void grow() {
        long[] old = slots;
        long[] table = new long[old.length * 2];
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != EMPTY) {
                int slot = find(table, old[i]);
                table[slot] = old[i];
                table[slot + 1] = old[i + 1];
            }
        }
        slots = table;
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
