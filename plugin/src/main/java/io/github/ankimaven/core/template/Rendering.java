package io.github.ankimaven.core.template;

import java.util.List;

/**
 * One side of a card as Anki renders it. When a problem breaks rendering, {@code html} is
 * Anki's error notice (which Anki shows on both sides of the card) and that problem is the
 * only one.
 */
public record Rendering(String html, List<TemplateProblem> problems) {

    private static final String ERROR_HELP = "https://anki.tenderapp.com/kb/problems/card-template-has-a-problem";

    public Rendering {
        problems = List.copyOf(problems);
    }

    static Rendering failed(TemplateError error, boolean questionSide) {
        String header = questionSide ? "Front template has a problem:" : "Back template has a problem:";
        return new Rendering(header + "<br>" + HtmlEscape.minimal(error.ankiMessage()) + "<br><a href='" + ERROR_HELP
                + "'>More information</a>", List.of(error.problem()));
    }

    public boolean failed() {
        return problems.stream().anyMatch(problem -> problem.kind().breaksRendering());
    }
}
