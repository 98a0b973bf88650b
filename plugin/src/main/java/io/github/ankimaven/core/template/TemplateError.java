package io.github.ankimaven.core.template;

import io.github.ankimaven.core.template.TemplateProblem.Kind;

/**
 * A problem that stops Anki rendering a template, with the text of Anki's notice. That text
 * wraps each inserted value in Unicode isolation marks (U+2068…U+2069), as Anki's Fluent
 * translations do; the problem's message has none.
 */
record TemplateError(TemplateProblem problem, String ankiMessage) {

    static TemplateError missingClosingBraces(String closing, String rest, int offset) {
        return of(Kind.MISSING_CLOSING_BRACES, offset, "Missing '%s' in '%s'", closing, rest);
    }

    static TemplateError sectionNotClosed(String field, int offset) {
        return of(Kind.SECTION_NOT_CLOSED, offset, "Missing '%s'", "{{/" + field + "}}");
    }

    static TemplateError wrongSectionClosed(String closed, String open, int offset) {
        return of(Kind.SECTION_NOT_OPEN, offset, "Found '%s', but expected '%s'", "{{/" + closed + "}}", "{{/" + open + "}}");
    }

    static TemplateError sectionNotOpen(String closed, int offset) {
        return of(Kind.SECTION_NOT_OPEN, offset, "Found '%s', but missing '%s' or '%s'",
                "{{/" + closed + "}}", "{{#" + closed + "}}", "{{^" + closed + "}}");
    }

    static TemplateError noSuchField(Kind kind, String tag, String field, int offset) {
        return of(kind, offset, "Found '%s', but there is no field called '%s'", tag, field);
    }

    private static TemplateError of(Kind kind, int offset, String pattern, String... values) {
        Object[] isolated = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            isolated[i] = "\u2068" + values[i] + "\u2069";
        }
        return new TemplateError(new TemplateProblem(kind, pattern.formatted((Object[]) values), offset),
                pattern.formatted(isolated));
    }
}
