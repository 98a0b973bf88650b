package io.github.ankimaven.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.ankimaven.core.DeckReport;
import io.github.ankimaven.core.check.Findings;
import io.github.ankimaven.core.model.Finding;
import io.github.ankimaven.core.model.SourceLocation;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingsTextTest {

    @Test
    void theCountsIncludeTheFindingsNotListedOneByOne() {
        Findings findings = new Findings();
        for (int row = 2; row < 2_502; row++) {
            findings.accept(Finding.error(new SourceLocation("cards.csv", row), "media-missing", "no media file"));
            findings.accept(Finding.warning(new SourceLocation("cards.csv", row), "tag", "upper case"));
        }
        DeckReport report = new DeckReport(1, 2_500, 5_000, 0, findings.sorted(), null, 0, null);
        assertEquals(2 * 1_001, report.findings().size(), "listed: 1,000 of each rule and one finding counting the rest");
        assertEquals("anki:check found 2500 errors in 1 file (and 2500 warnings):",
                FindingsText.failure("anki:check", List.of(report)).lines().findFirst().orElseThrow());
        assertEquals("1 card file: 2500 notes, 5000 cards, 2500 warnings", FindingsText.summary(report));
    }
}
