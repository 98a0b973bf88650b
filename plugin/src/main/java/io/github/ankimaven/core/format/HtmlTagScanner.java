package io.github.ankimaven.core.format;

import io.github.ankimaven.core.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Finds the start and end tags of field HTML the way a browser's tokenizer reads them, as far
 * as the checks need: comments, doctypes and CDATA sections are skipped, the content of
 * script, style, textarea and title is text, quoted attribute values may contain {@code >},
 * and a {@code <} that cannot start a tag is text. (A parser that builds a tree, jsoup's
 * included, silently drops stray end tags; the checks need to see them.)
 */
final class HtmlTagScanner {

    /** A start or end tag; names are lower-case; {@code line} is 0 for the first line. */
    record Tag(String name, boolean isEnd, List<Attribute> attributes, boolean selfClosing, int line) {
        Tag {
            attributes = List.copyOf(attributes);
        }
    }

    /** An attribute as written, with its name lower-cased and the value's quotes removed. */
    record Attribute(String name, String value) {}

    private static final Set<String> TEXT_ONLY_ELEMENTS = Set.of("script", "style", "textarea", "title");
    private static final Set<String> FOREIGN_ROOTS = Set.of("svg", "math");
    private int foreignDepth;

    private final String html;
    private final Consumer<FieldProblem> problems;
    private final List<Tag> tags = new ArrayList<>();
    private int position;
    private int lineCountedTo;
    private int line;

    private HtmlTagScanner(String html, Consumer<FieldProblem> problems) {
        this.html = html;
        this.problems = problems;
    }

    /** The tags of {@code html} in order; tags and comments that never end go to {@code problems}. */
    static List<Tag> scan(String html, Consumer<FieldProblem> problems) {
        HtmlTagScanner scanner = new HtmlTagScanner(html, problems);
        scanner.run();
        return scanner.tags;
    }

    private void run() {
        while ((position = html.indexOf('<', position)) >= 0 && position + 1 < html.length()) {
            char next = html.charAt(position + 1);
            if (html.startsWith("<!--", position)) {
                skipComment();
            } else if (html.startsWith("<![CDATA[", position)) {
                skipPast("]]>", "the CDATA section <![CDATA[ is not closed: add ]]> where it should end");
            } else if (next == '!' || next == '?' || (next == '/' && !isAsciiLetter(charAt(position + 2)))) {
                skipPast(">", "\"" + html.substring(position, position + 2) + "\" is not finished: end it with \">\", or write &lt; for a literal \"<\"");
            } else if (next == '/') {
                endTag();
            } else if (isAsciiLetter(next)) {
                startTag();
            } else {
                position++;
            }
        }
    }

    private void startTag() {
        int tagLine = lineAt(position);
        int i = nameEnd(position + 1);
        String name = lowerCase(position + 1, i);
        List<Attribute> attributes = new ArrayList<>();
        boolean selfClosing = false;
        while (true) {
            i = skipWhitespace(i);
            if (i >= html.length()) {
                unfinishedTag(name, tagLine);
                return;
            }
            char c = html.charAt(i);
            if (c == '>') {
                i++;
                break;
            }
            if (c == '/') {
                i++;
                if (charAt(i) == '>') {
                    selfClosing = true;
                    i++;
                    break;
                }
                continue;
            }
            int nameStart = i;
            do {
                i++;
            } while (i < html.length() && !isWhitespace(html.charAt(i)) && "/>=".indexOf(html.charAt(i)) < 0);
            String attributeName = lowerCase(nameStart, i);
            String value = "";
            i = skipWhitespace(i);
            if (charAt(i) == '=') {
                i = skipWhitespace(i + 1);
                char quote = charAt(i);
                if (quote == '"' || quote == '\'') {
                    int close = html.indexOf(quote, i + 1);
                    if (close < 0) {
                        unfinishedTag(name, tagLine);
                        return;
                    }
                    value = html.substring(i + 1, close);
                    i = close + 1;
                } else {
                    int valueStart = i;
                    while (i < html.length() && !isWhitespace(html.charAt(i)) && html.charAt(i) != '>') {
                        i++;
                    }
                    value = html.substring(valueStart, i);
                }
            }
            attributes.add(new Attribute(attributeName, value));
        }
        tags.add(new Tag(name, false, attributes, selfClosing, tagLine));
        position = i;
        if (FOREIGN_ROOTS.contains(name) && !selfClosing) {
            foreignDepth++;
        } else if (TEXT_ONLY_ELEMENTS.contains(name) && foreignDepth == 0) {
            // Inside <svg> or <math> a <title> or <style> is parsed like any element: tags in it are tags.
            position = findEndTag(name);
        }
    }

    private void endTag() {
        int tagLine = lineAt(position);
        int nameEnd = nameEnd(position + 2);
        String name = lowerCase(position + 2, nameEnd);
        int close = html.indexOf('>', nameEnd);
        if (close < 0) {
            unfinishedTag("/" + name, tagLine);
            return;
        }
        tags.add(new Tag(name, true, List.of(), false, tagLine));
        position = close + 1;
        if (FOREIGN_ROOTS.contains(name) && foreignDepth > 0) {
            foreignDepth--;
        }
    }

    /** A comment ends at the first "-->" or "--!>" (as browsers read it), and "<!-->" and "<!--->" are empty comments. */
    private void skipComment() {
        int start = position + 4;
        if (charAt(start) == '>') {
            position = start + 1;
            return;
        }
        if (charAt(start) == '-' && charAt(start + 1) == '>') {
            position = start + 2;
            return;
        }
        int end = html.indexOf("-->", start);
        int bang = html.indexOf("--!>", start);
        if (end < 0 && bang < 0) {
            problems.accept(new FieldProblem(Severity.ERROR, lineAt(position), "html-unfinished",
                    "the comment <!-- is not closed: add --> where it should end; until then it hides the rest of the card"));
            position = html.length();
        } else if (bang >= 0 && (end < 0 || bang < end)) {
            position = bang + 4;
        } else {
            position = end + 3;
        }
    }

    /** Where {@code </name} starts after text-only content, or the end of the input. */
    private int findEndTag(String name) {
        for (int i = html.indexOf("</", position); i >= 0; i = html.indexOf("</", i + 2)) {
            int after = i + 2 + name.length();
            if (html.regionMatches(true, i + 2, name, 0, name.length())
                    && (after == html.length() || isWhitespace(html.charAt(after)) || "/>".indexOf(html.charAt(after)) >= 0)) {
                return i;
            }
        }
        return html.length();
    }

    private void skipPast(String terminator, String unfinishedMessage) {
        int end = html.indexOf(terminator, position + 2);
        if (end < 0) {
            problems.accept(new FieldProblem(Severity.ERROR, lineAt(position), "html-unfinished", unfinishedMessage));
            position = html.length();
        } else {
            position = end + terminator.length();
        }
    }

    private void unfinishedTag(String name, int tagLine) {
        problems.accept(new FieldProblem(Severity.ERROR, tagLine, "html-unfinished",
                "the tag <" + name + " is not finished: check its quotes and end it with \">\""));
        position = html.length();
    }

    private int nameEnd(int start) {
        int i = start;
        while (i < html.length() && !isWhitespace(html.charAt(i)) && html.charAt(i) != '/' && html.charAt(i) != '>') {
            i++;
        }
        return i;
    }

    private int skipWhitespace(int start) {
        int i = start;
        while (i < html.length() && isWhitespace(html.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The 0-based line of {@code index}; positions are asked for in increasing order. */
    private int lineAt(int index) {
        for (; lineCountedTo < index; lineCountedTo++) {
            if (html.charAt(lineCountedTo) == '\n') {
                line++;
            }
        }
        return line;
    }

    private char charAt(int index) {
        return index < html.length() ? html.charAt(index) : '\0';
    }

    private String lowerCase(int start, int end) {
        return html.substring(start, end).toLowerCase(Locale.ROOT);
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }
}
