package io.github.ankimaven.core.template;

import io.github.ankimaven.core.template.TemplateNode.Replacement;
import io.github.ankimaven.core.template.TemplateNode.Section;
import io.github.ankimaven.core.template.TemplateNode.Text;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Anki 2.1.66's template lexer and parser ({@code rslib/src/template.rs}): tags are
 * {@code {{…}}}; a template starting with {@code {{=<% %>=}}} may also use {@code <%…%>}.
 * There are no comment tags: {@code {{!x}}} refers to a field named "!x".
 */
final class TemplateParser {

    private static final String ALTERNATE_SYNTAX = "{{=<% %>=}}";

    private enum TokenType { TEXT, REPLACEMENT, OPEN, OPEN_NEGATED, CLOSE }

    private record Token(TokenType type, String content, int offset) {}

    private final List<Token> tokens = new ArrayList<>();
    private TemplateError lexingError;
    private int next;

    private TemplateParser() {}

    static Template parse(String source) {
        TemplateParser parser = new TemplateParser();
        parser.lex(source);
        try {
            return new Template(source, parser.nodesUntilClosed(null), null);
        } catch (ParseFailure failure) {
            return new Template(source, List.of(), failure.error);
        }
    }

    private void lex(String source) {
        String trimmed = RustText.trimStart(source);
        if (!trimmed.startsWith(ALTERNATE_SYNTAX)) {
            lex(source, 0, false);
            return;
        }
        int start = source.length() - trimmed.length();
        while (source.startsWith(ALTERNATE_SYNTAX, start)) {
            start += ALTERNATE_SYNTAX.length();
        }
        lex(source, start, true);
    }

    private void lex(String source, int position, boolean alternateSyntax) {
        while (position < source.length()) {
            String closing = source.startsWith("{{", position) ? "}}"
                    : alternateSyntax && source.startsWith("<%", position) ? "%>" : null;
            if (closing != null) {
                int end = source.indexOf(closing, position + 2);
                if (end < 0) {
                    // Anki 2.1.66 loops forever on this in the alternate syntax; we report it as in the normal one.
                    lexingError = TemplateError.missingClosingBraces(closing, source.substring(position), position);
                    return;
                }
                tokens.add(classify(source.substring(position + 2, end), position));
                position = end + 2;
            } else {
                int end = nextTagStart(source, position, alternateSyntax);
                tokens.add(new Token(TokenType.TEXT, source.substring(position, end), position));
                position = end;
            }
        }
    }

    private static int nextTagStart(String source, int from, boolean alternateSyntax) {
        int normal = source.indexOf("{{", from);
        int alternate = alternateSyntax ? source.indexOf("<%", from) : -1;
        if (normal < 0) {
            return alternate < 0 ? source.length() : alternate;
        }
        return alternate < 0 ? normal : Math.min(normal, alternate);
    }

    private static Token classify(String handle, int offset) {
        int braces = 0;
        while (braces < handle.length() && handle.charAt(braces) == '{') {
            braces++;
        }
        String start = RustText.trim(handle.substring(braces));
        // Anki compares the byte length; for one non-ASCII character the outcome is the same.
        if (start.length() < 2) {
            return new Token(TokenType.REPLACEMENT, start, offset);
        }
        TokenType type = switch (start.charAt(0)) {
            case '#' -> TokenType.OPEN;
            case '^' -> TokenType.OPEN_NEGATED;
            case '/' -> TokenType.CLOSE;
            default -> TokenType.REPLACEMENT;
        };
        String content = type == TokenType.REPLACEMENT ? start : RustText.trimStart(start.substring(1));
        return new Token(type, content, offset);
    }

    private List<TemplateNode> nodesUntilClosed(Token openSection) throws ParseFailure {
        List<TemplateNode> nodes = new ArrayList<>();
        while (next < tokens.size()) {
            Token token = tokens.get(next++);
            switch (token.type()) {
                case TEXT -> nodes.add(new Text(token.content()));
                case REPLACEMENT -> nodes.add(replacement(token));
                case OPEN, OPEN_NEGATED -> nodes.add(new Section(token.content(), token.type() == TokenType.OPEN_NEGATED,
                        nodesUntilClosed(token), token.offset()));
                case CLOSE -> {
                    if (openSection != null && openSection.content().equals(token.content())) {
                        return nodes;
                    }
                    throw new ParseFailure(openSection == null
                            ? TemplateError.sectionNotOpen(token.content(), token.offset())
                            : TemplateError.wrongSectionClosed(token.content(), openSection.content(), token.offset()));
                }
            }
        }
        if (lexingError != null) {
            throw new ParseFailure(lexingError);
        }
        if (openSection != null) {
            throw new ParseFailure(TemplateError.sectionNotClosed(openSection.content(), openSection.offset()));
        }
        return nodes;
    }

    /** {@code a:b:Field} is the field "Field" with the filters b, then a. */
    private static Replacement replacement(Token token) {
        List<String> parts = Arrays.asList(token.content().split(":", -1));
        List<String> filters = new ArrayList<>(parts.subList(0, parts.size() - 1));
        Collections.reverse(filters);
        return new Replacement(parts.get(parts.size() - 1), filters, token.offset());
    }

    private static final class ParseFailure extends Exception {
        private final transient TemplateError error;

        ParseFailure(TemplateError error) {
            super(error.problem().message(), null, false, false);
            this.error = error;
        }
    }
}
