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

/**
 * Finds the lines of a file whose bytes are not valid in its declared encoding, so that a bad
 * byte is reported with its line number instead of as a decoding exception.
 */
final class EncodingScanner {

    private EncodingScanner() {}

    /**
     * The lines holding invalid bytes, the first {@code limit} of them listed.
     * Works line by line for encodings in which a line feed is the single byte 0x0A (UTF-8,
     * ISO-8859-x, windows-125x); for others the whole file is checked and line 1 is reported.
     */
    static InvalidLines invalidLines(Path file, Charset charset, int limit) throws IOException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        if (charset.equals(StandardCharsets.UTF_8)) {
            return invalidUtf8Lines(file, limit);
        }
        InvalidLines.Collector lines = new InvalidLines.Collector(limit);
        if (!isLineFeedSingleByte(charset)) {
            try {
                decoder.decode(ByteBuffer.wrap(Files.readAllBytes(file)));
            } catch (CharacterCodingException e) {
                lines.add(1);
            }
            return lines.result();
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(256);
            int lineNumber = 1;
            int b;
            boolean afterCr = false;
            while (true) {
                b = in.read();
                if (b == '\n' && afterCr) { // the LF of a CR LF: the line was counted at the CR
                    afterCr = false;
                    continue;
                }
                afterCr = b == '\r';
                if (b == '\n' || b == '\r' || b < 0) { // lines end as the CSV parser counts them: LF, CR, CR LF
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
        return lines.result();
    }

    /** UTF-8 validation in one streaming pass over large buffers. */
    private static InvalidLines invalidUtf8Lines(Path file, int limit) throws IOException {
        Utf8Validator validator = new Utf8Validator(limit);
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                validator.update(buffer, 0, n);
            }
        }
        return validator.invalidLines();
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
