package io.github.ankimaven.core.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fast UTF-8 scan agrees with the JDK's strict decoder, line by line. */
class EncodingScannerTest {

    @TempDir
    Path dir;

    @Test
    void agreesWithTheJdkDecoderOnRandomBytes() throws Exception {
        Random random = new Random(20261125);
        byte[] pieces = "ab\n€é😀".getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("random.csv");
        for (int round = 0; round < 1000; round++) {
            byte[] bytes = new byte[random.nextInt(48)];
            random.nextBytes(bytes);
            for (int i = 0; i < bytes.length; i++) {
                if (random.nextInt(4) != 0) {
                    bytes[i] = pieces[random.nextInt(pieces.length)];
                }
            }
            Files.write(file, bytes);
            assertEquals(referenceInvalidLines(bytes), EncodingScanner.invalidLines(file, StandardCharsets.UTF_8, 1000).listed(),
                    () -> java.util.Arrays.toString(bytes));
        }
    }

    private static List<Integer> referenceInvalidLines(byte[] bytes) {
        List<Integer> invalid = new ArrayList<>();
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n' || bytes[i] == '\r') { // LF, CR, or CR LF ends a line
                try {
                    StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, start, i - start));
                } catch (CharacterCodingException e) {
                    invalid.add(line);
                }
                line++;
                if (i + 1 < bytes.length && bytes[i] == '\r' && bytes[i + 1] == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        return invalid;
    }
}
