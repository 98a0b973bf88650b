package io.github.ankimaven.core.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8ValidatorTest {

    @Test
    void reportsTheLinesOfInvalidBytesAndOfASequenceCutOffByTheEnd() {
        byte[] bytes = "ok\nbad \u00e9\nfine\ncut ".getBytes(StandardCharsets.UTF_8);
        byte[] input = Arrays.copyOf(bytes, bytes.length + 1);
        input[6] = (byte) 0xC0; // line 2: an overlong lead byte instead of é's
        input[input.length - 1] = (byte) 0xE2; // line 4: the first byte of a three-byte sequence, then the end
        assertEquals(List.of(2, 4), validate(input, input.length));
    }

    @Test
    void agreesLineByLineWithTheJdkDecoderHoweverTheBytesArriveInChunks() {
        byte[][] pieces = {
            {'a'}, {'\n'}, {'\r'}, {'\r', '\n'}, {' '}, "é".getBytes(StandardCharsets.UTF_8), "€".getBytes(StandardCharsets.UTF_8),
            "😀".getBytes(StandardCharsets.UTF_8), {(byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE0, (byte) 0x80},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xFF},
            {(byte) 0xE2}, {(byte) 0xF0, (byte) 0x9F}, {(byte) 0xC3}};
        Random random = new Random(3);
        for (int run = 0; run < 5_000; run++) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (int i = random.nextInt(30); i > 0; i--) {
                byte[] piece = pieces[random.nextInt(pieces.length)];
                out.write(piece, 0, piece.length);
            }
            byte[] input = out.toByteArray();
            List<Integer> expected = linesTheJdkRejects(input);
            int chunk = 1 + random.nextInt(8);
            assertEquals(expected, validate(input, chunk, Integer.MAX_VALUE),
                    () -> HexFormat.ofDelimiter(" ").formatHex(input) + " in chunks of " + chunk);
            int limit = random.nextInt(3);
            InvalidLines limited = validated(input, chunk, limit);
            assertEquals(expected.subList(0, Math.min(limit, expected.size())), limited.listed(),
                    () -> HexFormat.ofDelimiter(" ").formatHex(input) + " remembering at most " + limit + " lines");
            assertEquals(expected.size(), limited.total(), "lines beyond the limit are counted");
            assertEquals(expected.size() > limit ? expected.get(limit) : 0, limited.firstUnlisted());
        }
    }

    private static List<Integer> validate(byte[] input, int chunk) {
        return validate(input, chunk, Integer.MAX_VALUE);
    }

    private static List<Integer> validate(byte[] input, int chunk, int limit) {
        return validated(input, chunk, limit).listed();
    }

    private static InvalidLines validated(byte[] input, int chunk, int limit) {
        Utf8Validator validator = new Utf8Validator(limit);
        for (int start = 0; start < input.length; start += chunk) {
            validator.update(input, start, Math.min(chunk, input.length - start));
        }
        return validator.invalidLines();
    }

    /**
     * A line break byte never occurs inside a UTF-8 sequence, so each line can be decoded on its
     * own; lines end at LF, CR, or CR LF, as the CSV parser counts them.
     */
    private static List<Integer> linesTheJdkRejects(byte[] input) {
        List<Integer> lines = new ArrayList<>();
        int line = 1;
        for (int start = 0, end; start <= input.length; start = end + 1, line++) {
            end = start;
            while (end < input.length && input[end] != '\n' && input[end] != '\r') {
                end++;
            }
            int lineEnd = end;
            if (end + 1 < input.length && input[end] == '\r' && input[end + 1] == '\n') {
                end++;
            }
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(input, start, lineEnd - start));
            } catch (CharacterCodingException e) {
                lines.add(line);
            }
        }
        return lines;
    }
}
