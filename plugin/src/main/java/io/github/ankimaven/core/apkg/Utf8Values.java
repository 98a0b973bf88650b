package io.github.ankimaven.core.apkg;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Builds a text value's UTF-8 bytes in buffers it keeps, for SQLite to store as {@code TEXT}
 * ({@code CAST(? AS TEXT)} of bytes bound as a blob: the same stored bytes as binding the string).
 * One exactly sized array a value: binding a string makes the driver call {@code getBytes}, which
 * for text beyond Latin-1 fills a threefold array and copies it, after {@code String.join} has
 * copied the fields once more. For a million notes that garbage kept the collector busy enough
 * to make the JVM grow its heap. Each appended text is encoded on its own, a lone surrogate
 * as {@code ?}, exactly as {@link String#getBytes} does. Not thread-safe: one per writer.
 */
final class Utf8Values {

    private static final int KEPT = 1 << 20;
    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private char[] chars = new char[1024];
    private CharBuffer in = CharBuffer.wrap(chars);
    private byte[] bytes = new byte[4096];
    private ByteBuffer out = ByteBuffer.wrap(bytes);

    /** Starts a new value. */
    Utf8Values start() {
        if (bytes.length > KEPT) { // one huge field must not hold its buffers for the rest of the build
            bytes = new byte[4096];
            out = ByteBuffer.wrap(bytes);
            chars = new char[1024];
            in = CharBuffer.wrap(chars);
        }
        out.clear();
        return this;
    }

    /** Appends a character below U+0080 (a separator). */
    Utf8Values append(char ascii) {
        room(1);
        out.put((byte) ascii);
        return this;
    }

    Utf8Values append(String text) {
        int length = text.length();
        if (chars.length < length) {
            chars = new char[Math.max(length, chars.length * 2)];
            in = CharBuffer.wrap(chars);
        }
        text.getChars(0, length, chars, 0);
        in.clear().limit(length);
        room(3 * length); // a char takes at most 3 bytes (a surrogate pair 4 for 2 chars)
        encoder.reset();
        CoderResult result = encoder.encode(in, out, true);
        if (result.isError() || result.isOverflow()) {
            throw new IllegalStateException("UTF-8 encoding of a string: " + result); // cannot happen: REPLACE, and room made
        }
        return this;
    }

    /** The fields joined by {@code separator}, as one value. */
    byte[] join(List<String> fields, char separator) {
        start();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                append(separator);
            }
            append(fields.get(i));
        }
        return toBytes();
    }

    /** The value built since {@link #start}. */
    byte[] toBytes() {
        return Arrays.copyOf(bytes, out.position());
    }

    private void room(int needed) {
        if (out.remaining() < needed) {
            bytes = Arrays.copyOf(bytes, Math.max(out.position() + needed, bytes.length * 2));
            out = ByteBuffer.wrap(bytes).position(out.position());
        }
    }
}
