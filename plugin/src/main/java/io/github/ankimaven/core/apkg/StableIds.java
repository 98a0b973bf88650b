package io.github.ankimaven.core.apkg;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Ids and GUIDs derived from names and stable keys, never from the clock, randomness or
 * editable content: the same deck gets the same ids on every build and machine, so learners'
 * collections recognise every release as the same deck, note type and notes.
 */
public final class StableIds {

    // Note type and deck ids look like Anki's (millisecond timestamps) but lie in 2001–2017,
    // so they are never "in the future" and never clash with ids Anki creates today.
    private static final long ID_FLOOR = 1_000_000_000_000L;
    private static final long ID_RANGE = 500_000_000_000L;
    private static final char[] GUID_ALPHABET =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();
    private static final int GUID_LENGTH = 12; // 52^12 > 2^64

    private StableIds() {}

    public static long noteTypeId(String deckIdentity, String noteTypeName) {
        return timestampLikeId("notetype", deckIdentity, noteTypeName);
    }

    public static long deckId(String deckIdentity, String deckName) {
        return timestampLikeId("deck", deckIdentity, deckName);
    }

    /** Field and template ids let Anki 23.10+ recognise a renamed field as the same field. */
    public static long fieldId(long noteTypeId, String fieldName) {
        return hash("field", Long.toString(noteTypeId), fieldName) & Long.MAX_VALUE;
    }

    public static long templateId(long noteTypeId, String templateName) {
        return hash("template", Long.toString(noteTypeId), templateName) & Long.MAX_VALUE;
    }

    /**
     * A note's GUID from the deck's identity and the note's term key: twelve ASCII letters, so it
     * survives spreadsheets (never read as a number, date or formula) and CSV tools unquoted.
     */
    public static String guid(String deckIdentity, String termKey) {
        return new GuidMaker(deckIdentity).guid(termKey);
    }

    /**
     * Makes the GUIDs of one deck's notes ({@link #guid(String, String)}), keeping its digest and
     * buffers: this runs for every note, and the garbage of a digest, parts and arrays per note
     * added up for big decks. Not thread-safe: one per thread.
     */
    public static final class GuidMaker {
        private final MessageDigest sha256 = newSha256();
        private final byte[] prefix; // the length-prefixed parts before the term: "guid", the deck identity
        private final byte[] length = new byte[4];
        private final byte[] digest = new byte[32];
        private final byte[] letters = new byte[GUID_LENGTH];

        public GuidMaker(String deckIdentity) {
            byte[] kind = "guid".getBytes(StandardCharsets.UTF_8);
            byte[] identity = deckIdentity.getBytes(StandardCharsets.UTF_8);
            prefix = new byte[8 + kind.length + identity.length];
            putLength(kind.length, prefix, 0);
            System.arraycopy(kind, 0, prefix, 4, kind.length);
            putLength(identity.length, prefix, 4 + kind.length);
            System.arraycopy(identity, 0, prefix, 8 + kind.length, identity.length);
        }

        public String guid(String termKey) {
            sha256.reset();
            sha256.update(prefix);
            byte[] term = termKey.getBytes(StandardCharsets.UTF_8);
            putLength(term.length, length, 0);
            sha256.update(length);
            sha256.update(term);
            try {
                sha256.digest(digest, 0, digest.length);
            } catch (DigestException e) {
                throw new IllegalStateException("a SHA-256 digest is 32 bytes", e);
            }
            long value = firstLong(digest);
            for (int i = GUID_LENGTH - 1; i >= 0; i--) {
                letters[i] = (byte) GUID_ALPHABET[(int) Long.remainderUnsigned(value, GUID_ALPHABET.length)];
                value = Long.divideUnsigned(value, GUID_ALPHABET.length);
            }
            return new String(letters, StandardCharsets.ISO_8859_1);
        }
    }

    private static long timestampLikeId(String kind, String deckIdentity, String name) {
        return ID_FLOOR + Long.remainderUnsigned(hash(kind, deckIdentity, name), ID_RANGE);
    }

    /** The first 8 bytes of SHA-256 over the parts, each length-prefixed so parts cannot run together. */
    static long hash(String... parts) {
        return hash(newSha256(), parts);
    }

    private static long hash(MessageDigest sha256, String... parts) {
        sha256.reset();
        byte[] length = new byte[4];
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            putLength(bytes.length, length, 0);
            sha256.update(length);
            sha256.update(bytes);
        }
        return firstLong(sha256.digest());
    }

    private static void putLength(int length, byte[] target, int at) {
        target[at] = (byte) (length >>> 24);
        target[at + 1] = (byte) (length >>> 16);
        target[at + 2] = (byte) (length >>> 8);
        target[at + 3] = (byte) length;
    }

    private static long firstLong(byte[] digest) {
        long value = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            value = (value << 8) | (digest[i] & 0xffL);
        }
        return value;
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }
}
