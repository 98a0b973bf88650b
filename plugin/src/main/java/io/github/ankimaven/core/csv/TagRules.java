package io.github.ankimaven.core.csv;

/** What Anki accepts in a tag ({@code rslib/src/tags/register.rs}), as messages for authors. */
final class TagRules {

    private TagRules() {}

    /** Why Anki cannot store {@code tag} as written, or null when it can. */
    static String problem(String tag) {
        for (int i = 0; i < tag.length(); i++) {
            char c = tag.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return "contains the control character U+" + String.format("%04X", (int) c) + ", which Anki removes";
            }
            if (c == '"') {
                return "contains \", which Anki removes from tags on import";
            }
        }
        for (int start = 0, end; start <= tag.length(); start = end + 2) {
            end = tag.indexOf("::", start);
            if (end < 0) {
                end = tag.length();
            }
            if (isBlank(tag, start, end)) {
                return "has an empty level (\"::\" at the start or end, or \"::::\"), which Anki renames to \"blank\"";
            }
            if (tag.charAt(start) == ':' || tag.charAt(end - 1) == ':') {
                return "has a stray \":\"; use \"::\" between levels";
            }
        }
        return null;
    }

    /** {@code text.substring(start, end).isBlank()} without the copy: it runs for every tag and line of a cell. */
    static boolean isBlank(String text, int start, int end) {
        for (int i = start; i < end; ) {
            int codePoint = text.codePointAt(i);
            if (!Character.isWhitespace(codePoint)) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }

    /** A likely mistake worth a warning, or null. */
    static String hint(String tag) {
        if (tag.indexOf(',') >= 0 || tag.indexOf(';') >= 0) {
            return "contains \",\" or \";\": tags are separated by spaces, so this is one tag";
        }
        for (int i = 0; i < tag.length(); i++) {
            if (Character.isSpaceChar(tag.charAt(i))) { // a no-break space (Option+Space on a Mac), say
                return "contains the space U+" + String.format("%04X", (int) tag.charAt(i)) + ", which does not separate"
                        + " tags, so this is one tag; use an ordinary space between tags";
            }
        }
        return null;
    }

    static String printable(String tag) {
        StringBuilder out = new StringBuilder();
        tag.chars().forEach(c -> out.append(c < 0x20 || c == 0x7f ? String.format("\\u%04X", c) : String.valueOf((char) c)));
        return out.toString();
    }
}
