package io.github.ankimaven.core.apkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StableIdsTest {

    @Test
    void idsAreFixedFunctionsOfTheirNames() {
        // Golden values: changing them breaks every learner's collection, so this test must not be "updated".
        assertEquals("alXKMDoMMFof", StableIds.guid("io.github.ankimaven:virtualization-and-cloud", "safety in vm"));
        assertEquals(1431227676539L, StableIds.noteTypeId("io.github.ankimaven:virtualization-and-cloud", "Term-Definition"));
        assertEquals(1306841296924L, StableIds.deckId("io.github.ankimaven:virtualization-and-cloud", "Virtualization and Cloud"));
    }

    @Test
    void guidsAreTwelveLettersAndDependOnTheDeckIdentity() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String guid = StableIds.guid("com.example:deck", "term " + i);
            assertTrue(guid.matches("[A-Za-z]{12}"), guid);
            seen.add(guid);
        }
        assertEquals(10_000, seen.size());
        assertNotEquals(StableIds.guid("com.example:a", "term"), StableIds.guid("com.example:b", "term"));
    }

    @Test
    void timestampLikeIdsLieInThePast() {
        for (int i = 0; i < 1000; i++) {
            long id = StableIds.deckId("x", "deck " + i);
            assertTrue(id >= 1_000_000_000_000L && id < 1_500_000_000_000L, Long.toString(id));
        }
    }
}
