package io.github.ankimaven.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NoteTypeTest {

    @Test
    void equalNoteTypesHashAlikeAndDifferentOnesStayApart() {
        NoteType one = NoteType.termDefinition();
        NoteType same = NoteType.termDefinition();
        assertEquals(one, same);
        assertEquals(one.hashCode(), same.hashCode());
        NoteType otherStyling = new NoteType(one.key(), one.name(), one.kind(), one.fields(), one.templates(), "b { }",
                one.sortFieldIndex(), null);
        assertNotEquals(one, otherStyling, "equality still compares every component");
        Set<NoteType> types = new HashSet<>(List.of(one, same, otherStyling));
        assertEquals(2, types.size());
        assertTrue(types.contains(NoteType.termDefinition()));
    }
}
