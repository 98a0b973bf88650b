package io.github.ankimaven.core.template;

/** The two encodings of the {@code htmlescape} crate that Anki uses in its rendered markup. */
final class HtmlEscape {

    private HtmlEscape() {}

    /** {@code encode_minimal}: the five characters with a meaning in HTML. */
    static String minimal(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.chars().forEach(c -> appendMinimal(out, (char) c));
        return out.toString();
    }

    /** {@code encode_attribute}: additionally every non-alphanumeric character below U+0100 as {@code &#xHH;}. */
    static String attribute(String text) {
        StringBuilder out = new StringBuilder(text.length() * 3);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean asciiAlphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if ("&<>\"'".indexOf(c) >= 0) {
                appendMinimal(out, c);
            } else if (c < 0x100 && !asciiAlphanumeric) {
                out.append(String.format("&#x%02X;", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static void appendMinimal(StringBuilder out, char c) {
        switch (c) {
            case '&' -> out.append("&amp;");
            case '<' -> out.append("&lt;");
            case '>' -> out.append("&gt;");
            case '"' -> out.append("&quot;");
            case '\'' -> out.append("&#x27;");
            default -> out.append(c);
        }
    }
}
