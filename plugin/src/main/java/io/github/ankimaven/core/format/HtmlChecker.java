package io.github.ankimaven.core.format;

import io.github.ankimaven.core.format.HtmlTagScanner.Attribute;
import io.github.ankimaven.core.format.HtmlTagScanner.Tag;
import io.github.ankimaven.core.model.Severity;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the HTML of one field. A field is pasted into the middle of a card template, so a tag
 * left open spills over into the rest of the card; scripts and event handlers would run inside
 * Anki. Tags that HTML lets you leave open ({@code <p>}, {@code <li>}, {@code <td>}...) may be.
 */
final class HtmlChecker {

    /** The elements of the HTML Living Standard, plus obsolete ones browsers still render (font, center...). */
    private static final Set<String> KNOWN_ELEMENTS = Set.of(
            "a", "abbr", "address", "area", "article", "aside", "audio", "b", "base", "bdi", "bdo", "blockquote",
            "body", "br", "button", "canvas", "caption", "cite", "code", "col", "colgroup", "data", "datalist", "dd",
            "del", "details", "dfn", "dialog", "div", "dl", "dt", "em", "embed", "fieldset", "figcaption", "figure",
            "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "i",
            "iframe", "img", "input", "ins", "kbd", "label", "legend", "li", "link", "main", "map", "mark", "math",
            "menu", "meta", "meter", "nav", "noscript", "object", "ol", "optgroup", "option", "output", "p",
            "picture", "pre", "progress", "q", "rp", "rt", "ruby", "s", "samp", "script", "search", "section",
            "select", "slot", "small", "source", "span", "strong", "style", "sub", "summary", "sup", "svg", "table",
            "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "time", "title", "tr", "track", "u", "ul",
            "var", "video", "wbr",
            "acronym", "basefont", "big", "center", "dir", "font", "frame", "frameset", "listing", "marquee", "nobr",
            "noembed", "noframes", "param", "plaintext", "rb", "rtc", "strike", "tt", "xmp");

    private static final Set<String> VOID_ELEMENTS = Set.of(
            "area", "base", "basefont", "br", "col", "embed", "frame", "hr", "img", "input", "link", "meta", "param",
            "source", "track", "wbr");

    /** Elements whose end tag HTML allows to leave out. */
    private static final Set<String> OPTIONAL_END_TAG = Set.of(
            "p", "li", "dt", "dd", "rt", "rp", "rb", "rtc", "optgroup", "option", "colgroup", "caption", "thead",
            "tbody", "tfoot", "tr", "td", "th", "html", "head", "body");

    /** Inside these, SVG and MathML rules apply: any element name, and {@code />} closes. */
    private static final Set<String> FOREIGN_ROOTS = Set.of("svg", "math");

    private static final Pattern URL_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    private final List<FieldProblem> problems = new ArrayList<>();
    private final Deque<Tag> openElements = new ArrayDeque<>();
    private final List<String> closedEarly = new ArrayList<>();

    private HtmlChecker() {}

    /** The problems of {@code html}, in line order. */
    static List<FieldProblem> check(String html) {
        HtmlChecker checker = new HtmlChecker();
        for (Tag tag : HtmlTagScanner.scan(html, checker.problems::add)) {
            if (tag.isEnd()) {
                checker.end(tag);
            } else {
                checker.start(tag);
            }
        }
        checker.reportStillOpen();
        checker.problems.sort(Comparator.comparingInt(FieldProblem::lineOffset));
        return checker.problems;
    }

    /** Whether a URL names a file next to the card: no scheme ({@code https:}, {@code data:}...) and no {@code //host}. */
    static boolean isLocalUrl(String url) {
        return !url.startsWith("//") && !URL_SCHEME.matcher(url).find();
    }

    /**
     * Whether a URL would run as a script when followed, read as a browser does: character
     * references decoded ({@code &#106;}, {@code &colon;}), tabs and line breaks removed anywhere,
     * leading spaces and control characters ignored, case ignored.
     */
    static boolean isJavascriptUrl(String url) {
        String decoded = decodeCharacterReferences(url);
        StringBuilder scheme = new StringBuilder();
        for (int i = 0; i < decoded.length() && scheme.length() < "javascript:".length(); i++) {
            char c = decoded.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r' || (scheme.length() == 0 && c <= ' ')) {
                continue;
            }
            scheme.append(Character.toLowerCase(c));
        }
        return scheme.toString().equals("javascript:");
    }

    private static final Pattern CHARACTER_REFERENCE = Pattern.compile("&(?:#[xX]([0-9a-fA-F]+);?|#([0-9]+);?|(colon|tab|newline);)",
            Pattern.CASE_INSENSITIVE);

    /** Numeric character references and the named ones that can hide a URL's scheme. */
    private static String decodeCharacterReferences(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher m = CHARACTER_REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group(3) != null) {
                replacement = switch (m.group(3).toLowerCase(Locale.ROOT)) {
                    case "colon" -> ":";
                    case "tab" -> "\t";
                    default -> "\n";
                };
            } else {
                String digits = m.group(1) != null ? m.group(1) : m.group(2);
                int radix = m.group(1) != null ? 16 : 10;
                int code = digits.length() > 7 ? -1 : Integer.parseInt(digits, radix);
                replacement = code >= 0 && Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : "\uFFFD";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private void start(Tag tag) {
        String name = tag.name();
        checkAttributes(tag);
        if (name.equals("script")) {
            error(tag.line(), "html-script",
                    "remove the <script> element: Anki would run it whenever the card is shown; scripts belong in the card template");
        } else if (name.equals("style")) {
            problems.add(new FieldProblem(Severity.WARNING, tag.line(), "html-style",
                    "<style> in a field restyles the whole card while it is shown: move the CSS into the note type's styling"));
        }
        boolean foreign = isInForeignContent() || FOREIGN_ROOTS.contains(name);
        // Names with a hyphen are valid custom elements, which a template's script may define.
        if (!foreign && !KNOWN_ELEMENTS.contains(name) && name.indexOf('-') < 0) {
            problems.add(new FieldProblem(Severity.WARNING, tag.line(), "html-unknown-element", "unknown HTML element <" + name
                    + ">: browsers show only its content; check the spelling, or write &lt; for a literal \"<\""));
        }
        if (foreign ? tag.selfClosing() : VOID_ELEMENTS.contains(name)) {
            return;
        }
        if (tag.selfClosing()) {
            error(tag.line(), "html-unbalanced", "<" + name + "/> does not close itself in HTML: write <" + name + "></" + name + ">");
            return;
        }
        openElements.push(tag);
    }

    private void checkAttributes(Tag tag) {
        for (Attribute attribute : tag.attributes()) {
            if (attribute.name().startsWith("on") && attribute.name().length() > 2) {
                error(tag.line(), "html-script", "remove the " + attribute.name() + " attribute from <" + tag.name()
                        + ">: Anki would run its script");
            } else if (attribute.name().equals("srcdoc")) {
                error(tag.line(), "html-script", "remove the srcdoc attribute from <" + tag.name()
                        + ">: its HTML is a page of its own, whose scripts Anki would run");
            } else if (isJavascriptUrl(attribute.value())) {
                error(tag.line(), "html-script", "remove the javascript: URL from the " + attribute.name() + " attribute of <"
                        + tag.name() + ">: Anki would run it as a script");
            } else if (attribute.name().equals("src") && (tag.name().equals("video") || tag.name().equals("source"))
                    && isLocalUrl(attribute.value()) && !attribute.value().startsWith("_")) {
                // Anki's importer finds media in these tags only since 25.02 (HTML_MEDIA_TAGS in rslib/src/text.rs).
                problems.add(new FieldProblem(Severity.WARNING, tag.line(), "html-video-src", "Anki before 25.02 does not "
                        + "import files that only <" + tag.name() + "> refers to: rename \"" + attribute.value() + "\" to \"_"
                        + attribute.value() + "\" (here too), as every version imports files whose name starts with \"_\""));
            }
        }
    }

    private void end(Tag tag) {
        String name = tag.name();
        if (!isInForeignContent() && VOID_ELEMENTS.contains(name)) {
            error(tag.line(), "html-unbalanced", "remove </" + name + ">: <" + name + "> has no end tag");
            return;
        }
        if (openElements.stream().noneMatch(open -> open.name().equals(name))) {
            // The element was already reported as closed too late; its own end tag is no news.
            if (!closedEarly.remove(name)) {
                error(tag.line(), "html-unbalanced",
                        "</" + name + "> closes nothing: remove it, or add the missing <" + name + "> where it should start");
            }
            return;
        }
        for (Tag open = openElements.pop(); !open.name().equals(name); open = openElements.pop()) {
            if (!OPTIONAL_END_TAG.contains(open.name())) {
                error(open.line(), "html-unbalanced", "<" + open.name() + "> is still open at </" + name + ">: add </"
                        + open.name() + "> before </" + name + "> (tags close in the reverse order they were opened)");
                closedEarly.add(open.name());
            }
        }
    }

    private void reportStillOpen() {
        for (Iterator<Tag> outermostFirst = openElements.descendingIterator(); outermostFirst.hasNext(); ) {
            Tag open = outermostFirst.next();
            if (!OPTIONAL_END_TAG.contains(open.name())) {
                error(open.line(), "html-unbalanced", "<" + open.name() + "> is not closed: add </" + open.name()
                        + "> where it should end; an open tag spills over into the rest of the card");
            }
        }
    }

    private boolean isInForeignContent() {
        return openElements.stream().anyMatch(open -> FOREIGN_ROOTS.contains(open.name()));
    }

    private void error(int line, String rule, String message) {
        problems.add(new FieldProblem(Severity.ERROR, line, rule, message));
    }
}
