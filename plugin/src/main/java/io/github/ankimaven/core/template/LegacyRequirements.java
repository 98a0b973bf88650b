package io.github.ankimaven.core.template;

import io.github.ankimaven.core.model.CardRequirement.Kind;
import io.github.ankimaven.core.model.CardRequirement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Anki 2.1.15's {@code req} computation ({@code anki/models.py} {@code _reqForTemplate}), which
 * legacy clients use to decide which cards a note gets. It renders each front with sentinel
 * field values: if the all-filled and all-empty renderings are equal the template is
 * unsatisfiable ("none"); fields whose blanking removes every sentinel are required ("all");
 * failing those, fields that alone change the empty rendering suffice ("any").
 *
 * <p>Rendering uses our (2.1.66) renderer with 2.1.15's card context. The two renderers agree
 * on every template both accept; for a template with an unknown field 2.1.66 renders only an
 * error, so the result is "none" where 2.1.15 ignored the unknown field.
 */
final class LegacyRequirements {

    private static final String SENTINEL = "ankiflag";

    private LegacyRequirements() {}

    static List<CardRequirement> of(ParsedNoteType noteType) {
        return IntStream.range(0, noteType.templates().size()).mapToObj(ord -> of(noteType, ord)).toList();
    }

    private static CardRequirement of(ParsedNoteType noteType, int ord) {
        int fieldCount = noteType.fieldNames().size();
        String full = question(noteType, ord, Collections.nCopies(fieldCount, SENTINEL));
        String empty = question(noteType, ord, Collections.nCopies(fieldCount, ""));
        if (full.equals(empty)) {
            return new CardRequirement(ord, Kind.NONE, List.of());
        }
        List<Integer> required = IntStream.range(0, fieldCount)
                .filter(field -> !question(noteType, ord, withValue(SENTINEL, field, "", fieldCount)).contains(SENTINEL))
                .boxed().toList();
        if (!required.isEmpty()) {
            return new CardRequirement(ord, Kind.ALL, required);
        }
        List<Integer> sufficient = IntStream.range(0, fieldCount)
                .filter(field -> !question(noteType, ord, withValue("", field, "1", fieldCount)).equals(empty))
                .boxed().toList();
        return new CardRequirement(ord, Kind.ANY, sufficient);
    }

    private static List<String> withValue(String everyField, int field, String value, int fieldCount) {
        List<String> values = new ArrayList<>(Collections.nCopies(fieldCount, everyField));
        values.set(field, value);
        return values;
    }

    /** The question as 2.1.15's {@code _renderQA} rendered it for a new card in deck 1 ("Default"). */
    private static String question(ParsedNoteType noteType, int ord, List<String> fieldValues) {
        Map<String, String> fields = noteType.fieldMap(fieldValues);
        // 2.1.15 let these override note fields of the same name
        fields.put("Tags", "");
        fields.put("Type", noteType.name());
        fields.put("Deck", "Default");
        fields.put("Subdeck", "Default");
        fields.put("CardFlag", "");
        fields.put("Card", noteType.templates().get(ord).name());
        fields.put("c" + (ord + 1), "1");
        return noteType.front(ord).render(RenderContext.question(fields, ord)).html();
    }
}
