package io.github.ankimaven.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TermKeyTest {

    @Test
    void normalisesUnicodeFormWhitespaceAndCase() {
        assertEquals(TermKey.of("Café"), TermKey.of("Cafe\u0301"));
        assertEquals("world switch", TermKey.of("  World \t\n  Switch "));
        assertEquals("world switch", TermKey.of("World\u00a0switch"));
        assertEquals("world switch", TermKey.of("world\u2003switch"));
        assertEquals(TermKey.of("STRASSE"), TermKey.of("straße"));
        assertEquals(TermKey.of("ΟΔΟΣ"), TermKey.of("οδος"));
        assertEquals(TermKey.of("οδός"), TermKey.of("ΟΔΌΣ"));
    }

    @Test
    void visibleTextOfHtmlDecodesEveryCharacterReferenceOnce() {
        assertEquals("café", TermKey.visibleText("<b>caf&eacute;</b>"));
        assertEquals("O'Reilly — AT&T", TermKey.visibleText("O&apos;Reilly &mdash; AT&T"), "a stray & leaves the rest decoded");
        assertEquals("&eacute;", TermKey.visibleText("&amp;eacute;"), "decoded once, as learners read it");
        assertEquals("x  kernel.png  y", TermKey.visibleText("x <img src=\"kernel.png\"> y"), "media keep their file name");
        assertEquals("plain", TermKey.visibleText("plain"));
        assertEquals(TermKey.of("world switch"), TermKey.of(TermKey.visibleText("world&nbsp;&#83;witch")));
    }

    @Test
    void duplicatesAreFoundWithoutWhatLearnersCannotSeeButGuidsKeepTheirKey() {
        assertEquals("hypervisor", TermKey.duplicateKey("Hypervisor\u200b", TermKey.of("Hypervisor\u200b")));
        assertEquals("hypervisor", TermKey.duplicateKey("Hyper\u00advisor", TermKey.of("Hyper\u00advisor")));
        assertEquals("hypervisor", TermKey.duplicateKey("\uFEFFHypervisor", TermKey.of("\uFEFFHypervisor")));
        assertEquals("ab", TermKey.duplicateKey("a\u0001b", TermKey.of("a\u0001b")), "Anki stores both as ab");
        assertEquals("a b", TermKey.duplicateKey("a \u0001 b", TermKey.of("a \u0001 b")));
        assertEquals(TermKey.of("caf\u00e9"), TermKey.duplicateKey("caf\u2060e\u0301", TermKey.of("caf\u2060e\u0301")));
        String persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645";
        assertNotEquals(TermKey.of("\u0645\u06cc\u062e\u0648\u0627\u0647\u0645"), TermKey.duplicateKey(persian, TermKey.of(persian)),
                "a zero-width non-joiner changes how Persian looks");
        String key = TermKey.of("Hypervisor");
        assertSame(key, TermKey.duplicateKey("Hypervisor", key), "the usual term: no second key");
        // The GUID's key is what it was before invisible characters were left out of duplicates.
        assertEquals("hyper\u00advisor", TermKey.of("Hyper\u00advisor"));
        assertEquals("a\u0001b", TermKey.of("a\u0001b"));
        assertEquals("a b", TermKey.of("a\u000bb"));
    }

    @Test
    void keepsDifferentTermsApart() {
        assertNotEquals(TermKey.of("VMX"), TermKey.of("VMX driver"));
        assertNotEquals(TermKey.of("résumé"), TermKey.of("resume"));
        assertNotEquals(TermKey.of("a-b"), TermKey.of("a b"));
    }

    @Test
    void asciiShortcutGivesTheSameKeyAsTheGeneralPath() {
        Random random = new Random(7);
        String alphabet = "aZ 9\t\n\u000b\f\r\u001c\u001f-_.,\"'~\u007f\u0000";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder term = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                term.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertEquals(TermKey.anyKey(term.toString()), TermKey.of(term.toString()), () -> "for " + term.toString().chars().boxed().toList());
        }
        assertEquals("world switch", TermKey.of("  World \t\n  Switch "));
        assertEquals("plain", TermKey.of("plain"));
        String ownKey = "world switch, type 2";
        assertSame(ownKey, TermKey.of(ownKey), "a term that is its own key: no copy");
    }
}
