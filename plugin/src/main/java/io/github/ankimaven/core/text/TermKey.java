package io.github.ankimaven.core.text;

import java.text.Normalizer;
import java.util.Locale;
import org.jsoup.parser.Parser;

/**
 * The identity of a term for duplicate detection and GUID derivation: Unicode NFC, whitespace
 * normalised (trimmed, runs collapsed to one space, no-break and other Unicode spaces count as
 * spaces) and case folded. "Paravirtualization" and " paravirtualization " are the same term.
 */
public final class TermKey {

    private TermKey() {}

    /**
     * The text learners see of a term stored as HTML: media tags as their file names (as Anki's
     * sort field has them), other tags removed, and character references decoded as the card's
     * web view decodes them: every named one ({@code caf&eacute;} reads {@code café}), also where
     * Anki's own sort field gives up because of a stray {@code &} or an {@code &apos;}.
     */
    public static String visibleText(String html) {
        String text = html.indexOf('<') < 0 ? html : AnkiText.stripHtmlPreservingEntities(AnkiText.mediaTagsAsFileNames(html));
        return text.indexOf('&') < 0 ? text : Parser.unescapeEntities(text, false);
    }

    /**
     * The key duplicates are found by: {@link #of} of the term without what learners cannot see,
     * which is {@code key} itself for the usual term that has none of it. Not the GUID's key: GUIDs
     * derived before invisible characters were left out must stay as they are.
     *
     * @param key {@link #of}{@code (term)}
     */
    public static String duplicateKey(String term, String key) {
        int length = term.length();
        for (int i = 0; i < length; i++) {
            if (isRemovedOrInvisible(term.charAt(i))) {
                StringBuilder visible = new StringBuilder(length);
                term.codePoints().filter(cp -> !isRemovedOrInvisible(cp)).forEach(visible::appendCodePoint);
                return of(visible.toString());
            }
        }
        return key;
    }

    /**
     * Characters a learner cannot tell apart from their absence: the control characters Anki
     * removes from fields, and invisible format characters that copying from web pages and PDFs
     * brings along (soft hyphen, zero-width space, word joiner, byte order mark, direction marks).
     * Not the zero-width joiners, which change how Arabic, Indic and emoji text looks.
     */
    private static boolean isRemovedOrInvisible(int cp) {
        return cp < 0x20 ? cp != '\t' && cp != '\n'
                : cp == 0x7f || cp == 0xad || cp == 0x200b || cp == 0x200e || cp == 0x200f || cp == 0x180e
                        || (cp >= 0x2060 && cp <= 0x2064) || cp == 0xfeff;
    }

    /** The key a term is identified by: its GUID derives from it (so it must never change for a term). */
    public static String of(String term) {
        String ascii = asciiKey(term);
        return ascii != null ? ascii : anyKey(term);
    }

    /** The key of any term (package-private so a test can hold the ASCII shortcut to it). */
    static String anyKey(String term) {
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

    /**
     * The same key for pure ASCII terms, the common case, without normalising: ASCII is NFC
     * and folds to lower case. Null when the term has a character above U+007F.
     */
    private static String asciiKey(String term) {
        // Most terms are their own key (lower case, single spaces between words): no copy then.
        int length = term.length();
        boolean own = length == 0 || (term.charAt(0) != ' ' && term.charAt(length - 1) != ' ');
        char previous = 0;
        for (int i = 0; i < length; i++) {
            char c = term.charAt(i);
            if (c >= 0x80) {
                return null;
            }
            if ((c >= 'A' && c <= 'Z') || (c < ' ' && isSpace(c)) || (c == ' ' && previous == ' ')) {
                own = false;
            }
            previous = c;
        }
        return own ? term : changedAsciiKey(term);
    }

    private static String changedAsciiKey(String term) {
        StringBuilder key = null;
        boolean pendingSpace = false;
        int length = term.length();
        for (int i = 0; i < length; i++) {
            char c = term.charAt(i);
            if (isSpace(c)) {
                pendingSpace = true;
                if (key == null) {
                    key = new StringBuilder(length).append(term, 0, i);
                }
                continue;
            }
            char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            if (key == null && lower != c) {
                key = new StringBuilder(length).append(term, 0, i);
            }
            if (key != null) {
                if (pendingSpace && key.length() > 0) {
                    key.append(' ');
                }
                key.append(lower);
            }
            pendingSpace = false;
        }
        return key == null ? term : key.toString();
    }

    private static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }
}
