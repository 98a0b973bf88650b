package io.github.ankimaven.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
