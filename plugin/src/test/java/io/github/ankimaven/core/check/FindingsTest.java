package io.github.ankimaven.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ankimaven.core.model.Finding;
import io.github.ankimaven.core.model.SourceLocation;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingsTest {

    private static SourceLocation line(int line) {
        return new SourceLocation("cards.csv", line);
    }

    @Test
    void aProblemOnEveryRowIsListedAThousandTimesThenCounted() {
        Findings findings = new Findings();
        for (int row = 2; row < 2_502; row++) {
            findings.accept(Finding.warning(line(row), "tag", "tag \"X\" has upper case"));
        }
        findings.accept(Finding.warning(line(7), "control-character", "Term contains U+0007"));
        List<Finding> sorted = findings.sorted();
        assertEquals(Findings.MAX_PER_RULE + 2, sorted.size());
        assertEquals(1_000, sorted.stream().filter(f -> f.message().startsWith("tag \"X\"")).count());
        assertTrue(sorted.stream().filter(f -> f.message().startsWith("tag \"X\"")).allMatch(f -> f.location().line() <= 1_001),
                "the first ones found are the ones listed");
        List<String> summaries = sorted.stream().filter(f -> f.message().contains("not listed")).map(Finding::toString).toList();
        assertEquals(List.of("cards.csv:1002: 1500 more warnings \"tag\" in this file, from here on, are not listed (2500 in"
                + " all; only the first 1000 are): fix those and build again to see the rest"), summaries);
        assertEquals(2_501, sorted.stream().mapToInt(Finding::problems).sum(), "the summary stands for the 1500 not listed");
        assertFalse(findings.hasErrors());
    }

    @Test
    void eachFileListsItsOwnFirstThousand() {
        Findings findings = new Findings();
        for (int row = 2; row < 1_502; row++) {
            findings.accept(Finding.error(line(row), "tag", "tag \"X\" has a space"));
        }
        findings.accept(Finding.error(new SourceLocation("other.csv", 9), "tag", "tag \"Y\" has a space"));
        List<String> listed = findings.sorted().stream().filter(f -> f.location().file().equals("other.csv"))
                .map(Finding::toString).toList();
        assertEquals(List.of("other.csv:9: tag \"Y\" has a space"), listed,
                "a file's problem is listed however many another file has (a report shows each file)");
        assertEquals(1_501, findings.sorted().stream().mapToInt(Finding::problems).sum());
    }

    @Test
    void thePreviewsFindingsListEveryOne() {
        Findings findings = Findings.unlimited(java.util.Map.of());
        for (int row = 2; row < 2_502; row++) {
            findings.accept(Finding.warning(line(row), "tag", "tag \"X\" has upper case"));
        }
        assertEquals(2_500, findings.sorted().size());
        assertTrue(findings.sorted().stream().noneMatch(f -> f.unlisted() > 0));
    }

    @Test
    void errorsBeyondTheListStillFailTheBuildAndAreCountedApartFromWarnings() {
        Findings findings = new Findings();
        for (int row = 2; row < 1_004; row++) {
            findings.accept(Finding.warning(line(row), "dup", "same term"));
        }
        for (int row = 2; row < 1_003; row++) {
            findings.accept(Finding.error(line(row), "dup", "same term"));
        }
        assertTrue(findings.hasErrors());
        List<String> summaries = findings.sorted().stream().filter(f -> f.message().contains("not listed"))
                .map(f -> f.severity() + " " + f).toList();
        assertEquals(List.of(
                "ERROR cards.csv:1002: 1 more error \"dup\" in this file, from here on, is not listed (1001 in all; only"
                        + " the first 1000 are): fix those and build again to see the rest",
                "WARNING cards.csv:1002: 2 more warnings \"dup\" in this file, from here on, are not listed (1002 in all;"
                        + " only the first 1000 are): fix those and build again to see the rest"), summaries);
    }
}
