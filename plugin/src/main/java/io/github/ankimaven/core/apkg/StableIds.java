package io.github.ankimaven.core.apkg;

import java.nio.charset.StandardCharsets;
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
        return guid(deckIdentity, termKey, newSha256());
    }

    /** {@link #guid(String, String)} with a SHA-256 digest the caller keeps, for many notes in a row. */
    public static String guid(String deckIdentity, String termKey, MessageDigest sha256) {
        long value = hash(sha256, "guid", deckIdentity, termKey);
        char[] out = new char[GUID_LENGTH];
        for (int i = GUID_LENGTH - 1; i >= 0; i--) {
            out[i] = GUID_ALPHABET[(int) Long.remainderUnsigned(value, GUID_ALPHABET.length)];
            value = Long.divideUnsigned(value, GUID_ALPHABET.length);
        }
        return new String(out);
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
            length[0] = (byte) (bytes.length >>> 24);
            length[1] = (byte) (bytes.length >>> 16);
            length[2] = (byte) (bytes.length >>> 8);
            length[3] = (byte) bytes.length;
            sha256.update(length);
            sha256.update(bytes);
        }
        byte[] digest = sha256.digest();
        long value = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            value = (value << 8) | (digest[i] & 0xffL);
        }
        return value;
    }

    /** A SHA-256 digest for {@link #guid(String, String, MessageDigest)}; one per thread, as digests are not thread-safe. */
    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }
}
