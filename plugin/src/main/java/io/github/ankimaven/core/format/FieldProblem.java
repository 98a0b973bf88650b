package io.github.ankimaven.core.format;

import io.github.ankimaven.core.model.Finding;
import io.github.ankimaven.core.model.Severity;
import io.github.ankimaven.core.model.SourceLocation;

/**
 * A problem in one field's content.
 *
 * @param lineOffset the line within the cell, 0 for the cell's first line
 * @param rule a short stable identifier of the check, as in {@link Finding#rule()}
 */
public record FieldProblem(Severity severity, int lineOffset, String rule, String message) {

    /** This problem as a finding, for a cell whose first line is at {@code cellStart}. */
    public Finding at(SourceLocation cellStart) {
        return new Finding(severity, new SourceLocation(cellStart.file(), cellStart.line() + lineOffset), rule, message);
    }

    /** This problem as a finding about the field {@code fieldName} of a note, named in the message as cloze findings are. */
    public Finding at(SourceLocation cellStart, String fieldName) {
        return new Finding(severity, new SourceLocation(cellStart.file(), cellStart.line() + lineOffset), rule,
                fieldName + ": " + message);
    }
}
