package io.github.ankimaven.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

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
    void keepsDifferentTermsApart() {
        assertNotEquals(TermKey.of("VMX"), TermKey.of("VMX driver"));
        assertNotEquals(TermKey.of("résumé"), TermKey.of("resume"));
        assertNotEquals(TermKey.of("a-b"), TermKey.of("a b"));
    }
}
