package io.github.ankimaven.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LocationIndexTest {

    @Test
    void distinctHashesAreNoSuspectsEvenAfterGrowing() {
        LocationIndex index = new LocationIndex();
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 200_000; i++) {
            index.add(random.nextLong(), i);
        }
        assertTrue(index.suspects().isEmpty());
    }

    @Test
    void aRepeatedHashMakesEveryLocationASuspectInOrder() {
        LocationIndex index = new LocationIndex();
        SplittableRandom random = new SplittableRandom(2);
        long repeated = LocationIndex.hash("paravirtualization");
        index.add(repeated, 7);
        for (int i = 0; i < 50_000; i++) { // grows several times between the repeats
            index.add(random.nextLong(), 100 + i);
        }
        index.add(repeated, 99_000);
        index.add(repeated, 99_001);
        assertEquals(Map.of(repeated, List.of(7L, 99_000L, 99_001L)), index.suspects());
    }

    @Test
    void everyHashIsAHashLikeAnyOther() {
        LocationIndex index = new LocationIndex();
        index.add(0, 1);
        index.add(1, 2);
        index.add(-1, 3);
        assertTrue(index.suspects().isEmpty(), "no hash value is reserved as a marker");
        index.add(0, 4);
        assertEquals(Map.of(0L, List.of(1L, 4L)), index.suspects());
    }

    @Test
    void suspectsFoundBeforeMoreKeysAreFoundAgain() {
        LocationIndex index = new LocationIndex();
        index.add(42, 1);
        assertTrue(index.suspects().isEmpty());
        index.add(42, 2);
        assertEquals(Map.of(42L, List.of(1L, 2L)), index.suspects());
    }

    @Test
    void manyGroupsOfSharedHashesAreEachFoundWithAllTheirLocationsInOrder() {
        SplittableRandom random = new SplittableRandom(3);
        LocationIndex index = new LocationIndex();
        Map<Long, List<Long>> byHash = new LinkedHashMap<>();
        for (long location = 0; location < 20_000; location++) {
            long hash = random.nextInt(12_000) - 6_000L; // many repeats, some three or more times, negative ones too
            index.add(hash, location);
            byHash.computeIfAbsent(hash, h -> new ArrayList<>()).add(location);
        }
        byHash.values().removeIf(locations -> locations.size() < 2);
        assertEquals(byHash, index.suspects());
        assertEquals(List.copyOf(byHash.keySet()), List.copyOf(index.suspects().keySet()), "groups in order of first sight");
    }

    @Test
    void hashDependsOnEveryCharacter() {
        assertTrue(LocationIndex.hash("ab") != LocationIndex.hash("ba"));
        assertTrue(LocationIndex.hash("a") != LocationIndex.hash("a "));
    }
}
