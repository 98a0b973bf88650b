package io.github.ankimaven.core.template;

/**
 * Cloze markup in a field that Anki would not turn into the intended card.
 *
 * @param offset the character index in the field where the offending <code>{{c</code> starts
 */
public record ClozeProblem(Kind kind, String message, int offset) {

    public enum Kind {
        /** <code>{{c1::</code> never closed: Anki drops everything from there to the end of the field. */
        UNCLOSED,
        /** {@code c0} or above {@code c500}: Anki creates a card that never asks that deletion. */
        NUMBER_OUT_OF_RANGE,
        /** Looks like a cloze (<code>{{c1:</code>, <code>{{c::</code>, <code>{{C1::</code>) but is plain text to Anki. */
        MALFORMED
    }
}
