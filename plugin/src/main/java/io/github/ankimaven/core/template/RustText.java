package io.github.ankimaven.core.template;

/**
 * String helpers with Rust's semantics, which Anki's template code relies on: Rust's
 * {@code trim} removes Unicode {@code White_Space} (including no-break spaces), unlike
 * {@link String#strip()}.
 */
final class RustText {

    private RustText() {}

    private static boolean isWhitespace(char c) {
        return (c >= '\t' && c <= '\r') || c == ' ' || c == '\u0085' || c == '\u00a0' || c == '\u1680'
                || (c >= '\u2000' && c <= '\u200a') || c == '\u2028' || c == '\u2029' || c == '\u202f'
                || c == '\u205f' || c == '\u3000';
    }

    static String trimStart(String text) {
        int start = 0;
        while (start < text.length() && isWhitespace(text.charAt(start))) {
            start++;
        }
        return text.substring(start);
    }

    static String trim(String text) {
        String trimmed = trimStart(text);
        int end = trimmed.length();
        while (end > 0 && isWhitespace(trimmed.charAt(end - 1))) {
            end--;
        }
        return trimmed.substring(0, end);
    }
}
