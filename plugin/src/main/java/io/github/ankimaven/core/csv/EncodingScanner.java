package io.github.ankimaven.core.csv;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the lines of a file whose bytes are not valid in its declared encoding, so that a bad
 * byte is reported with its line number instead of as a decoding exception.
 */
final class EncodingScanner {

    private EncodingScanner() {}

    /**
     * The 1-based numbers of the lines holding invalid bytes, at most {@code limit} of them.
     * Works line by line for encodings in which a line feed is the single byte 0x0A (UTF-8,
     * ISO-8859-x, windows-125x); for others the whole file is checked and line 1 is reported.
     */
    static List<Integer> invalidLines(Path file, Charset charset, int limit) throws IOException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        if (charset.equals(StandardCharsets.UTF_8)) {
            return invalidUtf8Lines(file, limit);
        }
        List<Integer> lines = new ArrayList<>();
        if (!isLineFeedSingleByte(charset)) {
            try {
                decoder.decode(ByteBuffer.wrap(Files.readAllBytes(file)));
            } catch (CharacterCodingException e) {
                lines.add(1);
            }
            return lines;
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(256);
            int lineNumber = 1;
            int b;
            while (lines.size() < limit) {
                b = in.read();
                if (b == '\n' || b < 0) {
                    if (!isValid(decoder, line)) {
                        lines.add(lineNumber);
                    }
                    if (b < 0) {
                        break;
                    }
                    line.reset();
                    lineNumber++;
                } else {
                    line.write(b);
                }
            }
        }
        return lines;
    }

    /**
     * UTF-8 validation in one streaming pass over large buffers (the common case, and a hot spot
     * for big decks): rejects overlong forms, surrogates, code points above U+10FFFF and
     * truncated sequences, as the JDK's decoder does.
     */
    private static List<Integer> invalidUtf8Lines(Path file, int limit) throws IOException {
        List<Integer> lines = new ArrayList<>();
        byte[] buffer = new byte[1 << 16];
        int line = 1;
        int lastReported = 0;
        int need = 0;
        int min = 0x80;
        int max = 0xBF;
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0 && lines.size() < limit; ) {
                for (int i = 0; i < n; i++) {
                    int b = buffer[i] & 0xFF;
                    boolean bad = false;
                    if (need > 0) {
                        if (b >= min && b <= max) {
                            need--;
                            min = 0x80;
                            max = 0xBF;
                            continue;
                        }
                        bad = true;
                        need = 0;
                        min = 0x80;
                        max = 0xBF;
                    }
                    if (b < 0x80) {
                        if (b == '\n') {
                            if (bad && lastReported != line) {
                                lines.add(line);
                                lastReported = line;
                            }
                            line++;
                            continue;
                        }
                    } else if (b >= 0xC2 && b <= 0xDF) {
                        need = 1;
                    } else if (b >= 0xE0 && b <= 0xEF) {
                        need = 2;
                        min = b == 0xE0 ? 0xA0 : 0x80;
                        max = b == 0xED ? 0x9F : 0xBF;
                    } else if (b >= 0xF0 && b <= 0xF4) {
                        need = 3;
                        min = b == 0xF0 ? 0x90 : 0x80;
                        max = b == 0xF4 ? 0x8F : 0xBF;
                    } else {
                        bad = true;
                    }
                    if (bad && lastReported != line && lines.size() < limit) {
                        lines.add(line);
                        lastReported = line;
                    }
                }
            }
        }
        if (need > 0 && lastReported != line && lines.size() < limit) {
            lines.add(line);
        }
        return lines;
    }

    private static boolean isValid(CharsetDecoder decoder, ByteArrayOutputStream line) {
        if (line.size() == 0) {
            return true;
        }
        try {
            decoder.reset().decode(ByteBuffer.wrap(line.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean isLineFeedSingleByte(Charset charset) {
        byte[] lf = "\n".getBytes(charset);
        return lf.length == 1 && lf[0] == '\n' && "A".getBytes(charset).length == 1;
    }
}
