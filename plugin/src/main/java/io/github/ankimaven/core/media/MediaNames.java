package io.github.ankimaven.core.media;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules a media name must follow so that Anki keeps it as it is: Anki's
 * {@code normalize_filename} ({@code rslib/src/media/files.rs}) renames any other name on
 * import, and a note or template that refers to the old name then finds no file.
 */
public final class MediaNames {

    /** Anki's limit ({@code MAX_MEDIA_FILENAME_LENGTH}), in UTF-8 bytes. */
    private static final int MAX_BYTES = 120;

    /** Strings in code point order, which is also the order of their UTF-8 bytes. */
    public static final Comparator<String> CODE_POINT_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int codePointA = a.codePointAt(i);
            int codePointB = b.codePointAt(j);
            if (codePointA != codePointB) {
                return Integer.compare(codePointA, codePointB);
            }
            i += Character.charCount(codePointA);
            j += Character.charCount(codePointB);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    };

    private static final String REMOVED_ASCII = "[]<>:\"/?*^\\|";
    private static final Pattern WINDOWS_DEVICE_NAME =
            Pattern.compile("^(CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])(\\.|$)", Pattern.CASE_INSENSITIVE);

    private MediaNames() {}

    /** The name Anki would store for {@code name}: {@code name} itself when it follows the rules. */
    public static String ankiName(String name) {
        return normalize(name, new ArrayList<>());
    }

    /** What is wrong with {@code name} as a media name and what to do about it, if anything. */
    public static Optional<String> problem(String name) {
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 || name.equals(".") || name.equals("..")) {
            return Optional.of("media name \"" + name + "\" is a path, but Anki keeps all media in one folder: put the "
                    + "file directly into the media directory and refer to it by its bare name");
        }
        List<String> reasons = new ArrayList<>();
        String ankiName = normalize(name, reasons);
        if (reasons.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("media name \"" + name + "\" " + String.join(", and ", reasons)
                + "; rename the file and its references to \"" + ankiName + "\"");
    }

    /** Names with the same key are one file on Windows and macOS, and to recent Anki versions. */
    static String collisionKey(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /**
     * Whether Anki treats the file as static: always imported, but never replacing a file of that
     * name the learner already has ({@code is_static} in Anki's apkg media import).
     */
    static boolean isStatic(String name) {
        return name.startsWith("_") || name.startsWith("latex-");
    }

    static boolean isNfc(String name) {
        return Normalizer.isNormalized(name, Normalizer.Form.NFC);
    }

    /** Anki's normalisation steps, in Anki's order, noting why each one changed the name. */
    private static String normalize(String name, List<String> reasons) {
        String result = name;
        if (!isNfc(result)) {
            reasons.add("is not in Unicode normalization form NFC (e.g. accents stored as separate characters)");
            result = Normalizer.normalize(result, Normalizer.Form.NFC);
        }
        Set<String> removed = new LinkedHashSet<>();
        StringBuilder kept = new StringBuilder();
        result.codePoints().forEach(c -> {
            if (isRemovedByAnki(c)) {
                removed.add(describe(c));
            } else {
                kept.appendCodePoint(c);
            }
        });
        if (!removed.isEmpty()) {
            reasons.add("contains " + joinAsList(removed) + ", which Anki removes");
            result = kept.toString();
        }
        if (result.indexOf('\u00a0') >= 0) {
            reasons.add("contains a no-break space, which Anki turns into a space");
            result = result.replace('\u00a0', ' ');
        }
        Matcher device = WINDOWS_DEVICE_NAME.matcher(result);
        if (device.find()) {
            reasons.add("starts with the Windows device name \"" + device.group(1) + "\"");
            result = device.replaceFirst("$1_$2");
        }
        if (result.endsWith(" ") || result.endsWith(".")) {
            reasons.add(result.endsWith(".") ? "ends with a dot, which Windows does not allow"
                    : "ends with a space, which Windows does not allow");
            result = result + "_";
        }
        int bytes = utf8Length(result);
        if (bytes > MAX_BYTES) {
            reasons.add("is " + bytes + " bytes long in UTF-8, more than the " + MAX_BYTES + " Anki allows");
            result = truncate(result);
        }
        return result;
    }

    // Anki's disallowed_char: characters some file system rejects, ASCII controls, and code
    // points that are unassigned (Anki's table is Unicode 11; Java 17's is Unicode 13).
    private static boolean isRemovedByAnki(int c) {
        return REMOVED_ASCII.indexOf(c) >= 0 || c < 0x20 || c == 0x7f || Character.getType(c) == Character.UNASSIGNED;
    }

    /** Anki's truncation: the extension (after the last dot) to 10 bytes, the stem to what is left. */
    private static String truncate(String name) {
        int dot = name.lastIndexOf('.');
        String stem = dot < 0 ? name : name.substring(0, dot);
        String extension = truncateUtf8(dot < 0 ? "" : name.substring(dot + 1), 10);
        // Room for the dot and for a "_" that may follow.
        stem = truncateUtf8(stem, MAX_BYTES - utf8Length(extension) - 2);
        String truncated = extension.isEmpty() ? stem : stem + "." + extension;
        return truncated.endsWith(" ") || truncated.endsWith(".") ? truncated + "_" : truncated;
    }

    private static String truncateUtf8(String text, int maxBytes) {
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            bytes += codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (bytes > maxBytes) {
                break;
            }
            end += Character.charCount(codePoint);
        }
        return text.substring(0, end);
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String joinAsList(Set<String> items) {
        List<String> list = List.copyOf(items);
        if (list.size() == 1) {
            return list.get(0);
        }
        return String.join(", ", list.subList(0, list.size() - 1)) + " and " + list.get(list.size() - 1);
    }

    private static String describe(int codePoint) {
        if (codePoint < 0x20 || codePoint >= 0x7f) {
            return String.format("U+%04X", codePoint);
        }
        return codePoint == '"' ? "'\"'" : "\"" + (char) codePoint + "\"";
    }
}
