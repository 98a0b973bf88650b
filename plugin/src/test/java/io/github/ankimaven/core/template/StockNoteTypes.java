package io.github.ankimaven.core.template;

import io.github.ankimaven.core.model.CardTemplate;
import java.util.List;

/** Anki 2.1.66's built-in note types in English ({@code rslib/src/notetype/stock.rs}). */
final class StockNoteTypes {

    private StockNoteTypes() {}

    static ParsedNoteType basic() {
        return new ParsedNoteType(NoteKind.STANDARD, "Basic", List.of("Front", "Back"), List.of(forward()));
    }

    static ParsedNoteType basicAndReversed() {
        return new ParsedNoteType(NoteKind.STANDARD, "Basic (and reversed card)", List.of("Front", "Back"),
                List.of(forward(), new CardTemplate("Card 2", "{{Back}}", "{{FrontSide}}\n\n<hr id=answer>\n\n{{Front}}")));
    }

    static ParsedNoteType basicOptionalReversed() {
        return new ParsedNoteType(NoteKind.STANDARD, "Basic (optional reversed card)", List.of("Front", "Back", "Add Reverse"),
                List.of(forward(), new CardTemplate("Card 2", "{{#Add Reverse}}{{Back}}{{/Add Reverse}}",
                        "{{FrontSide}}\n\n<hr id=answer>\n\n{{Front}}")));
    }

    static ParsedNoteType basicTypeInTheAnswer() {
        return new ParsedNoteType(NoteKind.STANDARD, "Basic (type in the answer)", List.of("Front", "Back"), List.of(
                new CardTemplate("Card 1", "{{Front}}\n\n{{type:Back}}", "{{Front}}\n\n<hr id=answer>\n\n{{type:Back}}")));
    }

    static ParsedNoteType cloze() {
        return new ParsedNoteType(NoteKind.CLOZE, "Cloze", List.of("Text", "Back Extra"),
                List.of(new CardTemplate("Cloze", "{{cloze:Text}}", "{{cloze:Text}}<br>\n{{Back Extra}}")));
    }

    private static CardTemplate forward() {
        return new CardTemplate("Card 1", "{{Front}}", "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}");
    }
}
