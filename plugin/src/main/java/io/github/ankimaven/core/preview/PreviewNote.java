package io.github.ankimaven.core.preview;

import io.github.ankimaven.core.model.RenderedNote;
import java.util.List;

/** A checked note and the ordinals of the cards Anki makes of it (empty when it makes none). */
public record PreviewNote(RenderedNote note, List<Integer> cardOrdinals) {

    public PreviewNote {
        cardOrdinals = List.copyOf(cardOrdinals);
    }
}
