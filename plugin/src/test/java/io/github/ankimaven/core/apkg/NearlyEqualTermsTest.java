package io.github.ankimaven.core.apkg;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NearlyEqualTermsTest {

    @Test
    void aCorrectedTypoOrAChangedWordIsNearlyEqual() {
        assertTrue(ReleaseComparison.nearlyEqual("{{c1::Paris}} is the capitol of France", "{{c1::Paris}} is the capital of France"));
        assertTrue(ReleaseComparison.nearlyEqual("{{c1::Paris}} is the capital of France", "{{c1::Paris}} is the capital of France."));
        assertTrue(ReleaseComparison.nearlyEqual("A hypervisor runs {{c1::virtual machines}}", "A hypervisor runs {{c1::virtual machine}}"));
    }

    @Test
    void anotherNoteOrAShortTermIsNot() {
        assertFalse(ReleaseComparison.nearlyEqual("{{c1::Paris}} is the capital of France", "{{c1::Madrid}} is the capital of Spain"));
        assertFalse(ReleaseComparison.nearlyEqual("The capital of France is {{c1::Paris}}", "The capital of Italy is {{c1::Rome}}"));
        assertFalse(ReleaseComparison.nearlyEqual("Cat", "Car"), "too short to tell an edit from another note");
        assertFalse(ReleaseComparison.nearlyEqual("{{c1::TCP}} is connection-oriented", "{{c1::UDP}} is connectionless"));
    }

    @Test
    void similarTermsAreSpellingsOfOneTerm() {
        assertTrue(ReleaseComparison.similarTerm("Colour", "Color"));
        assertTrue(ReleaseComparison.similarTerm("Hypervisor", "hypervisors"));
        assertTrue(ReleaseComparison.similarTerm("Virtualisation", "Virtualization"));
        assertFalse(ReleaseComparison.similarTerm("Cat", "Car"), "too short to tell");
        assertFalse(ReleaseComparison.similarTerm("house", "mouse"));
        assertFalse(ReleaseComparison.similarTerm("comer", "coser"));
        assertFalse(ReleaseComparison.similarTerm("Delta", "Digamma"));
        assertFalse(ReleaseComparison.similarTerm("Container", "Container"), "the same term is no rename");
        assertFalse(ReleaseComparison.similarTerm("Snapshot", "Checkpoint"));
    }
}
