package io.github.ankimaven.core.format;

import java.util.List;

/** A cell turned into field HTML, with the problems found on the way (in line order). */
public record FormattedField(String html, List<FieldProblem> problems) {

    public FormattedField {
        problems = List.copyOf(problems);
    }
}
