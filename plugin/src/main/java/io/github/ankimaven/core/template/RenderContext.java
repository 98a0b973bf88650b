package io.github.ankimaven.core.template;

import java.util.Map;
import java.util.Optional;

/**
 * What a template is rendered with.
 *
 * @param fields every name a template may use, mapped to its HTML as stored: the note's fields
 *     and the special fields (Tags, Type, Deck, Subdeck, Card, CardFlag, {@code c<n>}); names
 *     are matched exactly, as Anki does
 * @param cardOrdinal the card's template ordinal, or cloze number − 1
 * @param frontSide the rendered question when rendering the answer; empty on the question side
 */
public record RenderContext(Map<String, String> fields, int cardOrdinal, Optional<String> frontSide) {

    public RenderContext {
        fields = Map.copyOf(fields);
    }

    public static RenderContext question(Map<String, String> fields, int cardOrdinal) {
        return new RenderContext(fields, cardOrdinal, Optional.empty());
    }

    /** The same card's answer side, whose {@code {{FrontSide}}} is {@code renderedQuestion}. */
    public RenderContext answer(String renderedQuestion) {
        return new RenderContext(fields, cardOrdinal, Optional.of(renderedQuestion));
    }

    public boolean isQuestion() {
        return frontSide.isEmpty();
    }
}
