package io.github.ankimaven.core.apkg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8ValuesTest {

    /** Characters that exercise every UTF-8 length, surrogate pairs and lone surrogates. */
    private static final char[] ALPHABET = {'a', 'Z', ' ', '\u001f', '\u00e9', '\u00ff', '\u0100', '\u4e2d', '\uffff',
        '\ud83d', '\ude00', '\ud800', '\udfff', '"', '\n'};

    private static String randomText(Random random, int maxLength) {
        char[] text = new char[random.nextInt(maxLength + 1)];
        for (int i = 0; i < text.length; i++) {
            text[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(text);
    }

    @Test
    void givesTheBytesOfStringGetBytesForEveryTextLoneSurrogatesIncluded() {
        Utf8Values utf8 = new Utf8Values();
        Random random = new Random(42);
        for (int round = 0; round < 20_000; round++) {
            // Lengths beyond the initial buffers now and then, so that they grow mid-value.
            String text = randomText(random, round % 100 == 0 ? 5000 : 40);
            assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), utf8.start().append(text).toBytes(), text);
        }
    }

    @Test
    void joinsFieldsEachEncodedOnItsOwnAsStringJoinThenGetBytesDoes() {
        Utf8Values utf8 = new Utf8Values();
        Random random = new Random(7);
        for (int round = 0; round < 5_000; round++) {
            List<String> fields = new ArrayList<>();
            int count = 1 + random.nextInt(4);
            for (int i = 0; i < count; i++) {
                fields.add(randomText(random, round % 50 == 0 ? 3000 : 30));
            }
            byte[] expected = String.join("\u001f", fields).getBytes(StandardCharsets.UTF_8);
            assertArrayEquals(expected, utf8.join(fields, '\u001f'), fields.toString());
        }
    }

    @Test
    void aHugeValueIsEncodedAndTheValuesAfterItToo() {
        // Beyond the size the buffers are kept at: the next value starts with small ones again.
        Utf8Values utf8 = new Utf8Values();
        String huge = "\u4e2d".repeat(400_000) + "end";
        assertArrayEquals(huge.getBytes(StandardCharsets.UTF_8), utf8.start().append(huge).toBytes());
        assertArrayEquals("after".getBytes(StandardCharsets.UTF_8), utf8.start().append("after").toBytes());
        assertArrayEquals(huge.getBytes(StandardCharsets.UTF_8), utf8.start().append(huge).toBytes());
    }

    @Test
    void aHighSurrogateEndingOneTextIsNotPairedWithTheNextText() {
        Utf8Values utf8 = new Utf8Values();
        byte[] bytes = utf8.start().append("a\ud83d").append("\ude00b").toBytes();
        assertArrayEquals("a?".concat("?b").getBytes(StandardCharsets.UTF_8), bytes);
    }
}
