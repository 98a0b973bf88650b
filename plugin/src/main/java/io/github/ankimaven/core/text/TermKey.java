package io.github.ankimaven.core.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The identity of a term for duplicate detection and GUID derivation: Unicode NFC, whitespace
 * normalised (trimmed, runs collapsed to one space, no-break and other Unicode spaces count as
 * spaces) and case folded. "Paravirtualization" and " paravirtualization " are the same term.
 */
public final class TermKey {

    private TermKey() {}

    public static String of(String term) {
        String nfc = Normalizer.normalize(term, Normalizer.Form.NFC);
        StringBuilder collapsed = new StringBuilder(nfc.length());
        boolean pendingSpace = false;
        for (int i = 0; i < nfc.length(); ) {
            int cp = nfc.codePointAt(i);
            i += Character.charCount(cp);
            if (isSpace(cp)) {
                pendingSpace = collapsed.length() > 0;
            } else {
                if (pendingSpace) {
                    collapsed.append(' ');
                    pendingSpace = false;
                }
                collapsed.appendCodePoint(cp);
            }
        }
        // Full case folding (ß → ss, final sigma) via the full upper- then lower-case mappings.
        String folded = collapsed.toString().toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return Normalizer.normalize(folded, Normalizer.Form.NFC);
    }

    private static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }
}
