package io.github.ankimaven.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AnkiTextTest {

    @Test
    void escapesPlainTextLikeAnkisCsvImportWithHtmlOff() {
        assertEquals("a &amp; b &lt;i&gt; \"q\" 's'<br>next<br>crlf",
                AnkiText.escapePlainText("a & b <i> \"q\" 's'\nnext\r\ncrlf"));
    }

    @Test
    void checksumsMatchAnkisOwnTestValues() {
        // From Anki's tests (rslib/src/notes/mod.rs).
        assertEquals(2840236005L, AnkiText.fieldChecksum("test"));
        assertEquals(1464653051L, AnkiText.fieldChecksum("今日"));
    }

    @Test
    void stripsHtmlAndKeepsMediaFileNames() {
        assertEquals("a  cat.jpg  b", AnkiText.stripHtmlPreservingMediaFilenames("a <img src=\"cat.jpg\"> b"));
        assertEquals(" x.mp3 ", AnkiText.stripHtmlPreservingMediaFilenames("<audio src='x.mp3'>"));
        assertEquals("onetwo", AnkiText.stripHtmlPreservingMediaFilenames("<b>one</b><br>two<!-- c --><script>x</script>"));
        assertEquals("a & b < c", AnkiText.stripHtml("a &amp; b &lt; c"));
    }

    @Test
    void decodesEntitiesOnlyWhenTheyAllDecodeAndThenTurnNoBreakSpacesIntoSpaces() {
        assertEquals("a b", AnkiText.stripHtml("a&nbsp;b"));
        assertEquals("a\u00a0b", AnkiText.stripHtml("a\u00a0b"), "no '&': nothing is decoded");
        assertEquals("a b&c", AnkiText.stripHtml("a\u00a0b&amp;c"));
        assertEquals("a &bogus; b", AnkiText.stripHtml("a &bogus; b"), "an unknown entity leaves the text as it is");
        assertEquals("é é", AnkiText.stripHtml("&#233; &#xE9;"));
    }

    @Test
    void normalizesFieldsToNfcWithoutControlCharacters() {
        assertEquals("Caf\u00e9\ttab\nnl", AnkiText.normalizeField("Cafe\u0301\ttab\nnl\u0001\u007f"));
    }

    @Test
    void plainTextFieldsAreEscapedThenNormalized() {
        assertEquals("Caf\u00e9 &amp; tab\t&lt;b&gt;<br>x", AnkiText.plainTextField("Cafe\u0301 & tab\t<b>\r\nx\u0001\u007f"));
        // Escaped first: "<" and U+0338 would compose into U+226E under NFC.
        assertEquals("&lt;\u0338", AnkiText.plainTextField("<\u0338"));
        String unchanged = "Hypervisor, type 1";
        assertSame(unchanged, AnkiText.plainTextField(unchanged), "nothing to change: no copy");
    }

    @Test
    void plainTextFieldsEqualEscapingThenNormalizingForAnyText() {
        char[] alphabet = {'a', 'Z', ' ', '\t', '\n', '\r', '&', '<', '>', '"', ';', '?', '\u0001', '\u001f', '\u007f',
            '\u00e9', 'e', '\u0301', '\u0338', '=', '\u02ff', '\u0300', '\u3042', '\u3099', '\ud83d', '\ude00', '\uac00', '\u11a8'};
        // Text up to U+00FF is escaped as bytes, other text as chars: both, often.
        char[] latin1 = {'a', ' ', '\t', '\n', '\r', '&', '<', '>', '"', '\u0001', '\u007f', '\u0080', '\u00e9', '\u00ff'};
        Random random = new Random(11);
        for (int run = 0; run < 40_000; run++) {
            char[] letters = run % 2 == 0 ? alphabet : latin1;
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(run % 2 == 0 ? 12 : 40); i > 0; i--) {
                text.append(letters[random.nextInt(letters.length)]);
            }
            String input = text.toString();
            String escaped = input.replace("\r\n", "\n").replace('\r', '\n').replace("&", "&amp;").replace("<", "&lt;")
                    .replace(">", "&gt;").replace("\n", "<br>");
            assertEquals(escaped, AnkiText.escapePlainText(input), "escaping keeps control characters");
            assertEquals(AnkiText.normalizeField(AnkiText.escapePlainText(input)), AnkiText.plainTextField(input),
                    () -> "for " + input.chars().mapToObj(c -> String.format("U+%04X", c)).toList());
        }
    }

    @Test
    void storedTagsAreNfcUniqueIgnoringCaseAndSorted() {
        assertEquals(List.of("Alpha", "b::c", "caf\u00e9", "Zeta"),
                AnkiText.storedTags(List.of("Zeta", "cafe\u0301"), List.of("b::c", "Alpha", "zeta", "ALPHA")));
        assertEquals(" Alpha b::c ", AnkiText.storedTagColumn(List.of(), List.of("b::c", "Alpha", "alpha")));
        assertEquals("", AnkiText.storedTagColumn(List.of(), List.of()));
    }

    @Test
    void storedTagsEqualAMapKeyedByTheLowerCaseFormForAnyTags() {
        String[] parts = {"a", "A", "b", "B", "::", "_", "\u00e9", "e\u0301", "\u00c9", "\u03a3", "\u03c3", "\u03c2", "\u0130", "i", "1"};
        Random random = new Random(5);
        for (int run = 0; run < 20_000; run++) {
            List<List<String>> sources = List.of(new ArrayList<>(), new ArrayList<>());
            for (List<String> source : sources) {
                for (int tags = random.nextInt(4); tags > 0; tags--) {
                    StringBuilder tag = new StringBuilder();
                    for (int i = 1 + random.nextInt(3); i > 0; i--) {
                        tag.append(parts[random.nextInt(parts.length)]);
                    }
                    source.add(tag.toString());
                }
            }
            TreeMap<String, String> expected = new TreeMap<>();
            sources.forEach(source -> source.forEach(tag -> {
                String nfc = Normalizer.normalize(tag, Normalizer.Form.NFC);
                expected.putIfAbsent(nfc.toLowerCase(Locale.ROOT), nfc);
            }));
            assertEquals(List.copyOf(expected.values()), AnkiText.storedTags(sources.get(0), sources.get(1)), sources::toString);
        }
    }
}
