package io.github.ankimaven.core.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class KnownTagsTest {

    @Test
    void findsATagByARangeOfACell() {
        KnownTags known = new KnownTags();
        String tag = new String("db::index");
        known.add(tag);
        assertSame(tag, known.find("x db::index y", 2, 11));
        assertNull(known.find("x db::inde y", 2, 10), "a prefix is another tag");
        assertNull(known.find("x db::indexes", 2, 13), "a longer tag too");
        assertNull(known.find("DB::index", 0, 9), "case counts: Anki keeps the spelling");
    }

    @Test
    void keepsEveryTagThroughGrowthUpToItsLimit() {
        KnownTags known = new KnownTags();
        for (int i = 0; i < KnownTags.LIMIT + 100; i++) {
            known.add("tag" + i);
        }
        assertEquals(KnownTags.LIMIT, known.size());
        for (int i = 0; i < KnownTags.LIMIT; i += 997) {
            String cell = "a tag" + i + " b";
            assertEquals("tag" + i, known.find(cell, 2, cell.length() - 2));
        }
        assertNull(known.find("tag" + (KnownTags.LIMIT + 50), 0, ("tag" + (KnownTags.LIMIT + 50)).length()));
    }
}
