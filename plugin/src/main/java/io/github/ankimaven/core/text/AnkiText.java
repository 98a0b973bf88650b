package io.github.ankimaven.core.text;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text transformations exactly as Anki performs them, so that what we store is what Anki
 * would have stored: plain-text escaping, field normalisation, and the sort-field and
 * checksum computations of {@code rslib/src/text.rs} and {@code rslib/src/notes/mod.rs}.
 */
public final class AnkiText {

    private static final Pattern HTML = Pattern.compile(
            "(<!--.*?-->)|(<style.*?>.*?</style>)|(<script.*?>.*?</script>)|(<.*?>)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /**
     * Anki's {@code HTML_MEDIA_TAGS}: an img/audio/video/object/source tag with a src or data
     * attribute; the file name is group 1 (double-quoted), 2 (single-quoted) or 3 (unquoted).
     */
    public static final Pattern MEDIA_TAG = Pattern.compile(
            "<\\b(?:img|audio|video|object|source)\\b(?:[^>]|\"[^\"]+?\"|'[^']+?')+?\\b(?:src|data)\\b="
                    + "(?:\"([^\"]+?)\"[^>]*>|'([^']+?)'[^>]*>|([^ >]+?)(?: [^>]*>|>))",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private static final Pattern ENTITY = Pattern.compile("&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([A-Za-z][A-Za-z0-9]*));");

    private static final Map<String, String> NAMED_ENTITIES = Map.of(
            "amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", "\u00a0");

    /** Characters that escaping (or removing) each character below '@' adds to a plain-text field. */
    private static final byte[] LENGTH_CHANGE = new byte['@'];

    static {
        for (char c = 0; c < LENGTH_CHANGE.length; c++) {
            LENGTH_CHANGE[c] = (byte) (isInvalidFieldChar(c) ? -1 : c == '&' ? 4 : c == '<' || c == '>' || c == '\n' ? 3 : 0);
        }
    }

    private AnkiText() {}

    /**
     * A note's tags as Anki stores them: the deck's and the note's, NFC, deduplicated
     * case-insensitively (the first spelling wins), sorted by their lower-case form.
     */
    public static List<String> storedTags(List<String> deckTags, List<String> noteTags) {
        return List.of(sortedUniqueTags(deckTags, noteTags));
    }

    /** {@link #storedTags} as the {@code tags} column holds them: {@code " a b "}, or empty. */
    public static String storedTagColumn(List<String> deckTags, List<String> noteTags) {
        String[] tags = sortedUniqueTags(deckTags, noteTags);
        return tags.length == 0 ? "" : " " + String.join(" ", tags) + " ";
    }

    /** {@link #storedTags} in a new array (the column's parts, for a writer that builds it itself). */
    // Two small sorted arrays rather than a map: a note has a handful of tags, and this runs for every note.
    public static String[] sortedUniqueTags(List<String> deckTags, List<String> noteTags) {
        int capacity = deckTags.size() + noteTags.size();
        String[] keys = new String[capacity];
        String[] tags = new String[capacity];
        int count = insertTags(noteTags, keys, tags, insertTags(deckTags, keys, tags, 0));
        return count == capacity ? tags : Arrays.copyOf(tags, count);
    }

    private static int insertTags(List<String> source, String[] keys, String[] tags, int count) {
        for (int i = 0; i < source.size(); i++) {
            String tag = source.get(i);
            String nfc = isBelowCombiningMarks(tag) ? tag : Normalizer.normalize(tag, Normalizer.Form.NFC);
            String key = nfc.toLowerCase(Locale.ROOT);
            int at = Arrays.binarySearch(keys, 0, count, key);
            if (at < 0) {
                at = -at - 1;
                System.arraycopy(keys, at, keys, at + 1, count - at);
                System.arraycopy(tags, at, tags, at + 1, count - at);
                keys[at] = key;
                tags[at] = nfc;
                count++;
            }
        }
        return count;
    }

    /**
     * Plain text to field HTML, as Anki's CSV import does with "HTML off": {@code &}, {@code <}
     * and {@code >} escaped, line breaks as {@code <br>}. Quotes stay as typed (Anki would write
     * {@code &#x27;}, which looks the same but defeats searching for "host's" in the browser).
     */
    public static String escapePlainText(String text) {
        String normalized = lineFeedsOnly(text);
        int extra = 0;
        boolean wide = false;
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            switch (c) {
                case '&' -> extra += 4;
                case '<', '>', '\n' -> extra += 3;
                default -> wide |= c > 0xff;
            }
        }
        return extra == 0 ? normalized : escapedCopy(normalized, normalized.length() + extra, false, !wide);
    }

    /** Hears of a character Anki removes from a field (see {@link #isInvalidFieldChar}). */
    @FunctionalInterface
    public interface RemovedCharacter {
        /** @param lineOffset the line of the text it is on, 0 for the first */
        void removed(char character, int lineOffset);

        RemovedCharacter IGNORED = (character, lineOffset) -> { };
    }

    /** {@link #plainTextField(String, RemovedCharacter)}, not telling which characters it removes. */
    public static String plainTextField(String text) {
        return plainTextField(text, RemovedCharacter.IGNORED);
    }

    /**
     * A plain-text cell as Anki stores it: {@link #normalizeField}{@code (}{@link #escapePlainText}{@code (text))},
     * in one scan of the text (and a copy only when something changes): this runs for most
     * fields of every note. Escaping before NFC matters: {@code <} and a combining U+0338 would
     * otherwise compose into one character. {@code removed} hears of each control character
     * that Anki removes and so does this, which the same scan finds.
     */
    public static String plainTextField(String text, RemovedCharacter removed) {
        String normalized = lineFeedsOnly(text);
        long scan = scan(normalized);
        int found = (int) (scan >>> 32);
        if ((found & CONTROL) != 0) {
            reportRemovedCharacters(normalized, removed);
        }
        String escaped = (found & CHANGES) == 0 ? normalized
                : escapedCopy(normalized, normalized.length() + (int) scan, true, (found & WIDE) == 0);
        return (found & COMBINING) == 0 ? escaped : Normalizer.normalize(escaped, Normalizer.Form.NFC);
    }

    private static final int CHANGES = 1;
    private static final int CONTROL = 2;
    private static final int COMBINING = 4;
    private static final int WIDE = 8;

    /**
     * What {@link #plainTextField} must do to a text: in the high half what it holds ({@link #CHANGES},
     * {@link #CONTROL}, {@link #COMBINING}: characters from U+0300 on, {@link #WIDE}: any above
     * U+00FF), in the low half by how
     * many characters escaping and removing change its length. A method of its own: the JIT
     * compiles this hot loop on its own, small, instead of twice with all that follows it.
     */
    private static long scan(String text) {
        int growth = 0;
        int changes = 0;
        boolean combining = false;
        boolean wide = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < LENGTH_CHANGE.length) {
                growth += LENGTH_CHANGE[c];
                changes |= LENGTH_CHANGE[c];
            } else if (c == 0x7f) {
                growth--;
                changes = -1;
            } else if (c > 0xff) {
                wide = true;
                combining |= c >= '\u0300';
            }
        }
        int found = (changes == 0 ? 0 : CHANGES) | (changes < 0 ? CONTROL : 0) | (combining ? COMBINING : 0)
                | (wide ? WIDE : 0);
        return ((long) found << 32) | (growth & 0xffffffffL);
    }

    /** Tells {@code removed} of each character of {@code text} that Anki removes from a field, with its line. */
    public static void reportRemovedCharacters(String text, RemovedCharacter removed) {
        int line = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            } else if (isInvalidFieldChar(c)) {
                removed.removed(c, line);
            }
        }
    }

    private static String lineFeedsOnly(String text) {
        return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /**
     * The text escaped into one exactly sized array (no growing builder), optionally without
     * control characters. The runs between characters that change are copied in bulk. Text
     * without characters above U+00FF (most) is built as bytes, which the string keeps a copy of
     * as they are: a third less garbage than chars, which it would compress first.
     */
    private static String escapedCopy(String text, int outLength, boolean dropInvalid, boolean latin1) {
        byte[] bytes = latin1 ? new byte[outLength] : null;
        char[] chars = latin1 ? null : new char[outLength];
        int o = 0;
        int run = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < LENGTH_CHANGE.length ? LENGTH_CHANGE[c] == 0 : c != 0x7f) {
                continue;
            }
            o = copy(text, run, i, bytes, chars, o);
            run = i + 1;
            switch (c) {
                case '&' -> o = put(AMP, bytes, chars, o);
                case '<' -> o = put(LT, bytes, chars, o);
                case '>' -> o = put(GT, bytes, chars, o);
                case '\n' -> o = put(BR, bytes, chars, o);
                default -> { // a control character
                    if (!dropInvalid) {
                        o = copy(text, i, i + 1, bytes, chars, o);
                    }
                }
            }
        }
        copy(text, run, length, bytes, chars, o);
        return latin1 ? new String(bytes, StandardCharsets.ISO_8859_1) : new String(chars);
    }

    // String.getBytes(int, int, byte[], int) keeps each char's low byte: deprecated for text in
    // general, exact for Latin-1 text, and a bulk copy.
    @SuppressWarnings("deprecation")
    private static int copy(String text, int start, int end, byte[] bytes, char[] chars, int at) {
        if (bytes != null) {
            text.getBytes(start, end, bytes, at);
        } else {
            text.getChars(start, end, chars, at);
        }
        return at + end - start;
    }

    /**
     * A replacement as chars and as Latin-1 bytes, made once: String.getChars checks and inflates
     * on every call (5 % of a big build's reading thread).
     */
    private static final class Replacement {
        final char[] chars;
        final byte[] bytes;

        Replacement(String text) {
            chars = text.toCharArray();
            bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    private static final Replacement AMP = new Replacement("&amp;");
    private static final Replacement LT = new Replacement("&lt;");
    private static final Replacement GT = new Replacement("&gt;");
    private static final Replacement BR = new Replacement("<br>");

    private static int put(Replacement replacement, byte[] bytes, char[] chars, int at) {
        if (bytes != null) {
            System.arraycopy(replacement.bytes, 0, bytes, at, replacement.bytes.length);
        } else {
            System.arraycopy(replacement.chars, 0, chars, at, replacement.chars.length);
        }
        return at + replacement.chars.length;
    }

    /**
     * What Anki stores for a field: ASCII control characters other than tab and newline
     * removed, then NFC (Anki's default "normalize note text").
     */
    public static String normalizeField(String html) {
        StringBuilder out = null;
        for (int i = 0; i < html.length(); i++) {
            char c = html.charAt(i);
            if (isInvalidFieldChar(c)) {
                if (out == null) {
                    out = new StringBuilder(html.length()).append(html, 0, i);
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        String cleaned = out == null ? html : out.toString();
        return isBelowCombiningMarks(cleaned) ? cleaned : Normalizer.normalize(cleaned, Normalizer.Form.NFC);
    }

    /**
     * Text made only of characters below U+0300 is already NFC: none of them decomposes or
     * combines with a neighbour (the combining marks start at U+0300). A cheap test that
     * spares the normaliser for most fields.
     */
    private static boolean isBelowCombiningMarks(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= '\u0300') {
                return false;
            }
        }
        return true;
    }

    /** ASCII control characters other than tab and newline, which Anki deletes from fields. */
    public static boolean isInvalidFieldChar(char c) {
        return (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f;
    }

    /** Anki's {@code strip_html_preserving_media_filenames}: the value of {@code sfld}. */
    public static String stripHtmlPreservingMediaFilenames(String html) {
        if (html.indexOf('<') < 0) {
            return decodeEntities(html); // no tag, so no media tag and nothing to strip
        }
        return stripHtml(mediaTagsAsFileNames(html));
    }

    /** The first step of {@link #stripHtmlPreservingMediaFilenames}: each media tag becomes " file name ". */
    public static String mediaTagsAsFileNames(String html) {
        Matcher media = MEDIA_TAG.matcher(html);
        StringBuilder replaced = new StringBuilder();
        while (media.find()) {
            String name = media.group(1) != null ? media.group(1) : media.group(2) != null ? media.group(2) : media.group(3);
            media.appendReplacement(replaced, Matcher.quoteReplacement(" " + name + " "));
        }
        media.appendTail(replaced);
        return replaced.toString();
    }

    /** Anki's {@code strip_html}: tags, comments, styles and scripts removed, entities decoded. */
    public static String stripHtml(String html) {
        return decodeEntities(stripHtmlPreservingEntities(html));
    }

    /** Anki's {@code strip_html_preserving_entities}: tags, comments, styles and scripts removed. */
    public static String stripHtmlPreservingEntities(String html) {
        return HTML.matcher(html).replaceAll("");
    }

    /**
     * Anki's {@code decode_entities}: only when the text contains {@code &}; on an entity it
     * cannot decode the text is returned unchanged; no-break spaces become spaces only when
     * decoding happened (that is Anki's behaviour, and {@code csum} depends on it).
     */
    static String decodeEntities(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        Matcher entity = ENTITY.matcher(text);
        int searchFrom = 0;
        while (true) {
            int amp = text.indexOf('&', searchFrom);
            if (amp < 0) {
                break;
            }
            if (!entity.find(amp) || entity.start() != amp) {
                return text;
            }
            String decoded = decodeEntity(entity);
            if (decoded == null) {
                return text;
            }
            out.append(text, last, amp).append(decoded);
            last = entity.end();
            searchFrom = last;
        }
        out.append(text, last, text.length());
        return out.toString().replace('\u00a0', ' ');
    }

    private static String decodeEntity(Matcher entity) {
        try {
            if (entity.group(1) != null) {
                return new String(Character.toChars(Integer.parseInt(entity.group(1), 16)));
            }
            if (entity.group(2) != null) {
                return new String(Character.toChars(Integer.parseInt(entity.group(2))));
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return NAMED_ENTITIES.get(entity.group(3));
    }

    /** Anki's {@code field_checksum}: first 4 bytes of SHA-1 as an unsigned big-endian integer. */
    public static long fieldChecksum(String strippedText) {
        return fieldChecksum(strippedText, newSha1());
    }

    /** {@link #fieldChecksum(String)} with a SHA-1 digest the caller keeps, for many notes in a row. */
    public static long fieldChecksum(String strippedText, MessageDigest sha1) {
        return fieldChecksum(strippedText.getBytes(StandardCharsets.UTF_8), sha1, new byte[sha1.getDigestLength()]);
    }

    /** {@link #fieldChecksum(String, MessageDigest)} of the text's UTF-8 bytes, into a digest array the caller keeps. */
    public static long fieldChecksum(byte[] strippedTextUtf8, MessageDigest sha1, byte[] digest) {
        sha1.reset();
        sha1.update(strippedTextUtf8);
        try {
            sha1.digest(digest, 0, digest.length);
        } catch (DigestException e) {
            throw new IllegalArgumentException("a SHA-1 digest needs " + sha1.getDigestLength() + " bytes", e);
        }
        return ((digest[0] & 0xffL) << 24) | ((digest[1] & 0xffL) << 16) | ((digest[2] & 0xffL) << 8) | (digest[3] & 0xffL);
    }

    public static MessageDigest newSha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-1", e);
        }
    }
}
