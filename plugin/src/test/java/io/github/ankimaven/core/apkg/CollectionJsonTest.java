package io.github.ankimaven.core.apkg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.ankimaven.core.model.CardTemplate;
import io.github.ankimaven.core.model.NoteType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The blobs are written with Jackson's streaming generator, but a previous release's note types
 * are read back with its tree model and compared as text: both must give the same text.
 */
class CollectionJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String AWKWARD = "Déf \"quoted\" back\\slash\ttab\nnew line \u0001 </script> ✓ 😀";

    private static void assertTreeModelWritesTheSameText(String json) throws Exception {
        JsonNode tree = MAPPER.readTree(json);
        assertEquals(tree.toString(), json);
    }

    @Test
    void everyBlobIsWhatJacksonsTreeModelWouldWrite() throws Exception {
        NoteType awkward = new NoteType(AWKWARD, List.of("Term", AWKWARD),
                List.of(new CardTemplate(AWKWARD, "{{Term}}", "{{FrontSide}}<hr id=answer>{{" + AWKWARD + "}}")),
                ".card { font-family: \"Arial\"; }\n" + AWKWARD, 0);
        DeckLayout layout = DeckLayout.of("com.example:deck", "Deck::" + AWKWARD, AWKWARD, awkward,
                Instant.parse("2026-11-01T00:00:00Z"));
        Map<NoteType, Long> mods = new LinkedHashMap<>();
        mods.put(awkward, 1_700_000_000L);
        mods.put(NoteType.termDefinition(), 1_600_000_000L);
        for (String json : List.of(CollectionJson.conf(layout, 42), CollectionJson.models(layout, mods),
                CollectionJson.modelJson(layout, awkward, 7), CollectionJson.decks(layout, List.of("Deck::" + AWKWARD + "::Sub")),
                CollectionJson.deckConfigs(), CollectionJson.mediaMap(List.of(AWKWARD, "b.png")))) {
            assertTreeModelWritesTheSameText(json);
        }
        JsonNode model = MAPPER.readTree(CollectionJson.modelJson(layout, awkward, 7));
        assertEquals(AWKWARD, model.get("name").asText());
        assertEquals(AWKWARD, model.get("flds").get(1).get("name").asText());
        assertEquals(1.3, MAPPER.readTree(CollectionJson.deckConfigs()).get("1").get("rev").get("ease4").asDouble());
        assertEquals("{\"0\":\"a.png\",\"1\":\"b c.mp3\"}", CollectionJson.mediaMap(List.of("a.png", "b c.mp3")));
    }
}
