package io.github.ankimaven.core.template;

import java.util.List;

/**
 * Both sides of a card as Anki shows them.
 *
 * @param frontProblems problems of the front template (offsets into it)
 * @param backProblems problems of the back template (offsets into it)
 */
public record RenderedCard(String question, String answer, List<TemplateProblem> frontProblems,
        List<TemplateProblem> backProblems) {

    public RenderedCard {
        frontProblems = List.copyOf(frontProblems);
        backProblems = List.copyOf(backProblems);
    }

    RenderedCard withSides(String newQuestion, String newAnswer) {
        return new RenderedCard(newQuestion, newAnswer, frontProblems, backProblems);
    }
}
