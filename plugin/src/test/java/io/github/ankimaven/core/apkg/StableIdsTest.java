package io.github.ankimaven.core.apkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
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
    void aGuidMakerUsedForManyNotesGivesEachTheGuidOfItsTermAlone() {
        StableIds.GuidMaker maker = new StableIds.GuidMaker("com.example:d\u00e9ck");
        List<String> terms = List.of("", "a", "term", "caf\u00e9", "\u4e2d\u6587", "\ud83d\ude00", "lone \ud800", "a".repeat(500));
        for (int round = 0; round < 3; round++) {
            for (String term : terms) {
                // The definition: the first 8 bytes of SHA-256 over "guid", identity and term, in base 52.
                long value = StableIds.hash("guid", "com.example:d\u00e9ck", term);
                char[] letters = new char[12];
                for (int i = 11; i >= 0; i--) {
                    letters[i] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".charAt((int) Long.remainderUnsigned(value, 52));
                    value = Long.divideUnsigned(value, 52);
                }
                assertEquals(new String(letters), maker.guid(term), term);
                assertEquals(new String(letters), StableIds.guid("com.example:d\u00e9ck", term), term);
            }
        }
    }

    @Test
    void timestampLikeIdsLieInThePast() {
        for (int i = 0; i < 1000; i++) {
            long id = StableIds.deckId("x", "deck " + i);
            assertTrue(id >= 1_000_000_000_000L && id < 1_500_000_000_000L, Long.toString(id));
        }
    }
}
