package io.github.ankimaven.core.model;

import io.github.ankimaven.core.template.NoteKind;
import java.util.List;
import java.util.Optional;

/**
 * The note types every deck can use by key: Anki's built-in card styles (fields and templates
 * named as in Anki, so learners recognise them) and the default {@code term-definition}. Their
 * ids are ours and stable, never those of a learner's own "Basic", which differ per installation;
 * their names carry the deck's name so they never clash with the learner's own note types.
 */
public final class BuiltInNoteTypes {

    public static final String TERM_DEFINITION = "term-definition";
    public static final List<String> KEYS =
            List.of(TERM_DEFINITION, "basic", "basic-and-reversed", "basic-optional-reversed", "basic-type-in-answer", "cloze");

    private static final String ANSWER = "{{FrontSide}}\n\n<hr id=answer>\n\n";
    private static final String CLOZE_CSS = NoteType.DEFAULT_CSS + """
            .cloze {
              font-weight: bold;
              color: blue;
            }
            .nightMode .cloze {
              color: lightblue;
            }
            """;

    private BuiltInNoteTypes() {}

    /** The built-in note type with this key ({@code basic}, {@code cloze}, …) for a deck, if there is one. */
    public static Optional<NoteType> forKey(String key, String deckName) {
        String suffix = " (" + deckName + ")";
        CardTemplate forward = new CardTemplate("Card 1", "{{Front}}", ANSWER + "{{Back}}");
        List<String> frontBack = List.of("Front", "Back");
        return Optional.ofNullable(switch (key) {
            case TERM_DEFINITION -> named(NoteType.termDefinition(), suffix);
            case "basic" -> standard(key, "Basic" + suffix, frontBack, List.of(forward));
            case "basic-and-reversed" -> standard(key, "Basic (and reversed card)" + suffix, frontBack,
                    List.of(forward, new CardTemplate("Card 2", "{{Back}}", ANSWER + "{{Front}}")));
            case "basic-optional-reversed" -> standard(key, "Basic (optional reversed card)" + suffix,
                    List.of("Front", "Back", "Add Reverse"), List.of(forward,
                            new CardTemplate("Card 2", "{{#Add Reverse}}{{Back}}{{/Add Reverse}}", ANSWER + "{{Front}}")));
            case "basic-type-in-answer" -> standard(key, "Basic (type in the answer)" + suffix, frontBack, List.of(
                    new CardTemplate("Card 1", "{{Front}}\n\n{{type:Back}}", "{{Front}}\n\n<hr id=answer>\n\n{{type:Back}}")));
            case "cloze" -> new NoteType(key, "Cloze" + suffix, NoteKind.CLOZE, List.of("Text", "Back Extra"),
                    List.of(new CardTemplate("Cloze", "{{cloze:Text}}", "{{cloze:Text}}<br>\n{{Back Extra}}")), CLOZE_CSS, 0,
                    null);
            default -> null;
        });
    }

    /** The note type under its name with the deck's; its key, and so its id, stay the same. */
    private static NoteType named(NoteType type, String suffix) {
        return new NoteType(type.key(), type.name() + suffix, type.kind(), type.fields(), type.templates(), type.css(),
                type.sortFieldIndex(), type.cssSource());
    }

    private static NoteType standard(String key, String name, List<String> fields, List<CardTemplate> templates) {
        return new NoteType(key, name, NoteKind.STANDARD, fields, templates, NoteType.DEFAULT_CSS, 0, null);
    }
}
