package io.github.ankimaven.core.csv;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Streaming UTF-8 validation that remembers the lines holding invalid bytes: rejects overlong
 * forms, surrogates, code points above U+10FFFF and truncated sequences, as the JDK's decoder
 * does. Fed the bytes as they pass ({@link #checking}), so validating costs no extra read of
 * the file.
 */
final class Utf8Validator {

    private final InvalidLines.Collector lines;
    private int line = 1;
    private int lastReported;
    private boolean lastWasCr; // the last byte of the previous buffer, for a CR LF split between two
    private int need;
    private int min = 0x80;
    private int max = 0xBF;

    /** @param limit how many invalid lines to remember at most */
    Utf8Validator(int limit) {
        this.lines = new InvalidLines.Collector(limit);
    }

    /** An input stream that passes every byte it reads through this validator. */
    InputStream checking(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    update(new byte[] {(byte) b}, 0, 1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    update(buffer, offset, n);
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                throw new IOException("skipping would leave bytes unchecked");
            }
        };
    }

    void update(byte[] buffer, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end) {
            if (need == 0) { // between sequences: skip ASCII, the common case, counting only line breaks
                int lineBreaks = 0;
                while (i < end && buffer[i] >= 0) {
                    byte c = buffer[i];
                    // Line breaks as the CSV parser counts them: LF, CR, and CR LF as one.
                    if (c <= '\r' && (c == '\r' || c == '\n' && !(i > offset ? buffer[i - 1] == '\r' : lastWasCr))) {
                        lineBreaks++;
                    }
                    i++;
                }
                line += lineBreaks;
                if (i == end) {
                    break;
                }
            }
            int b = buffer[i++] & 0xFF;
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
                if (b == '\n' || b == '\r') { // after a broken sequence, so never the LF of a CR LF
                    report(bad);
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
            report(bad);
        }
        if (length > 0) {
            lastWasCr = buffer[end - 1] == '\r';
        }
    }

    private void report(boolean bad) {
        if (bad && lastReported != line) {
            lines.add(line);
            lastReported = line;
        }
    }

    /** The lines with invalid bytes, a sequence cut off by the end included. */
    InvalidLines invalidLines() {
        report(need > 0);
        need = 0;
        return lines.result();
    }
}
