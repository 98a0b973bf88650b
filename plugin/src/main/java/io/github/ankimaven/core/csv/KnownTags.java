package io.github.ankimaven.core.csv;

/**
 * Tags of a card file that passed {@link TagRules} with nothing to say, found again by a range
 * of a tags cell without cutting it out: a deck has far fewer tags than notes, so most tags of
 * most notes are a lookup here instead of a new string and two checks. Holds at most
 * {@link #LIMIT} tags; past that, the rest are cut out and checked as before.
 */
final class KnownTags {

    static final int LIMIT = 1 << 16;

    private String[] table = new String[64];
    private int size;

    /** The known tag spelled as {@code text} from {@code start} to {@code end}, or null. */
    String find(String text, int start, int end) {
        int length = end - start;
        int mask = table.length - 1;
        for (int slot = spread(hash(text, start, end)) & mask; ; slot = (slot + 1) & mask) {
            String tag = table[slot];
            if (tag == null) {
                return null;
            }
            if (tag.length() == length && tag.regionMatches(0, text, start, length)) {
                return tag;
            }
        }
    }

    /** Remembers a tag that is not known yet and has neither a problem nor a hint. */
    void add(String tag) {
        if (size >= LIMIT) {
            return;
        }
        if (2 * (size + 1) > table.length) {
            String[] old = table;
            table = new String[old.length * 2];
            for (String known : old) {
                if (known != null) {
                    insert(known);
                }
            }
        }
        insert(tag);
        size++;
    }

    int size() {
        return size;
    }

    private void insert(String tag) {
        int mask = table.length - 1;
        int slot = spread(tag.hashCode()) & mask;
        while (table[slot] != null) {
            slot = (slot + 1) & mask;
        }
        table[slot] = tag;
    }

    /** {@link String#hashCode()} of the range, so that a tag's own (cached) hash finds its slot. */
    private static int hash(String text, int start, int end) {
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + text.charAt(i);
        }
        return hash;
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
