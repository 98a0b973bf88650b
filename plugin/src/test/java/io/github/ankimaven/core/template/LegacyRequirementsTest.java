package io.github.ankimaven.core.template;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.ankimaven.core.model.CardRequirement;
import io.github.ankimaven.core.model.CardTemplate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The {@code req} list as Anki 2.1.15's {@code _reqForTemplate} computes it. Expected values
 * follow that algorithm step by step (see the comments), and where {@code req} can express a
 * template's rule it selects the same cards as Anki 2.1.66's card generation.
 */
class LegacyRequirementsTest {

    private static final List<String> ABC = List.of("A", "B", "C");

    @Test
    void builtInNoteTypes() {
        // {{Front}}: blanking Front removes the only sentinel -> all [Front]
        assertEquals("[[0,\"all\",[0]]]", json(StockNoteTypes.basic()));
        // each template shows one field
        assertEquals("[[0,\"all\",[0]],[1,\"all\",[1]]]", json(StockNoteTypes.basicAndReversed()));
        // {{#Add Reverse}}{{Back}}{{/Add Reverse}}: blanking Back or Add Reverse leaves no sentinel
        assertEquals("[[0,\"all\",[0]],[1,\"all\",[1,2]]]", json(StockNoteTypes.basicOptionalReversed()));
        // {{Front}} {{type:Back}}: the type marker does not carry the field's text
        assertEquals("[[0,\"all\",[0]]]", json(StockNoteTypes.basicTypeInTheAnswer()));
        // 2.1.15 computes none for cloze note types; the sentinel has no cloze, so the front is always empty
        assertEquals("[[0,\"none\",[]]]", json(StockNoteTypes.cloze()));
    }

    @Test
    void sectionsAndFilters() {
        // several fields, none required alone -> any of those that change the empty rendering
        assertEquals("[[0,\"any\",[0,1]]]", json("Q: {{A}} {{B}}"));
        assertEquals("[[0,\"all\",[0,1]]]", json("{{#A}}{{B}}{{/A}}"));
        assertEquals("[[0,\"all\",[0]]]", json("<div>{{text:A}}</div>{{#B}}{{/B}}"));
        assertEquals("[[0,\"any\",[0,1]]]", json("{{hint:A}}{{furigana:B}}"));
        // a negated section is never satisfied: full and empty renderings are both empty
        assertEquals("[[0,\"none\",[]]]", json("{{^A}}{{B}}{{/A}}"));
        // a section without field text: blanking any field, even an unrelated one, loses the sentinel
        assertEquals("[[0,\"all\",[0,1,2]]]", json("{{#A}}static{{/A}}"));
        // the cloze filter on a standard note type shows nothing for a sentinel without cloze
        assertEquals("[[0,\"none\",[]]]", json("{{cloze:A}}"));
        // special fields are constant
        assertEquals("[[0,\"none\",[]]]", json("{{Tags}}{{Type}}{{Card}}"));
        assertEquals("[[0,\"all\",[0]]]", json("{{#c1}}{{A}}{{/c1}}"));
    }

    @Test
    void templatesAnkiCannotRenderAreUnsatisfiable() {
        assertEquals("[[0,\"none\",[]]]", json("{{#A}}{{B}}"));
        assertEquals("[[0,\"none\",[]]]", json("{{A}}{{Nope}}"));
    }

    @Test
    void agreesWithModernCardGenerationOnPlainAndConditionalTemplates() {
        List<Executable> checks = new ArrayList<>();
        for (String front : List.of("{{A}}", "{{A}}{{B}}", "{{B}} {{text:C}}", "{{#A}}{{B}}{{/A}}", "{{#A}}{{#B}}{{C}}{{/B}}{{/A}}",
                "{{#A}}{{A}}{{/A}}", "<p>{{hint:A}}</p>{{#B}}{{B}}{{/B}}")) {
            ParsedNoteType noteType = noteType(front);
            CardRequirement requirement = noteType.legacyRequirements().get(0);
            for (List<String> note : everyFilling()) {
                checks.add(() -> assertEquals(noteType.cardOrdinals(note).contains(0), requirement.isSatisfiedBy(note),
                        front + " " + requirement + " with " + note));
            }
        }
        assertAll(checks);
    }

    @Test
    void cannotExpressEveryModernRule() {
        // "A, or B and C" is beyond all/any: req says any [A], so B and C alone get no card
        ParsedNoteType mixed = noteType("{{A}}{{#B}}{{C}}{{/B}}");
        assertEquals("[[0,\"any\",[0]]]", json(mixed));
        List<String> onlyBAndC = List.of("", "y", "z");
        assertNotEquals(mixed.cardOrdinals(onlyBAndC).contains(0), mixed.legacyRequirements().get(0).isSatisfiedBy(onlyBAndC));
        // 2.1.15 never satisfies a negated section; 2.1.66 shows B while A is empty
        ParsedNoteType negated = noteType("{{^A}}{{B}}{{/A}}");
        assertEquals(List.of(0), negated.cardOrdinals(List.of("", "y", "")));
    }

    private static List<List<String>> everyFilling() {
        List<List<String>> notes = new ArrayList<>();
        for (int mask = 0; mask < 8; mask++) {
            notes.add(List.of((mask & 1) != 0 ? "x" : "", (mask & 2) != 0 ? "y" : "", (mask & 4) != 0 ? "z" : ""));
        }
        return notes;
    }

    private static ParsedNoteType noteType(String front) {
        return new ParsedNoteType(NoteKind.STANDARD, "Test", ABC, List.of(new CardTemplate("Card 1", front, "")));
    }

    private static String json(String front) {
        return json(noteType(front));
    }

    /** As {@code req} appears in the collection's JSON. */
    private static String json(ParsedNoteType noteType) {
        return noteType.legacyRequirements().stream()
                .map(r -> "[" + r.templateOrdinal() + ",\"" + r.kind().json() + "\"," + r.fieldOrdinals().toString().replace(" ", "") + "]")
                .toList().toString().replace(" ", "");
    }
}
