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

    @Test
    void aFindingIsOneLineWhateverTheCardTextHoldsAndCannotWriteCiCommands() {
        Finding injected = Finding.warning(new SourceLocation("cards.csv", 2), "duplicate-term",
                "duplicate term \"line1\n::error file=pom.xml,line=1::injected\": 2 notes; c\u001bd\u0085");
        assertEquals("cards.csv:2: duplicate term \"line1\\n::error file=pom.xml,line=1::injected\": 2 notes; c\\u001Bd\\u0085",
                FindingsText.line(injected));
        Finding plain = Finding.warning(new SourceLocation("cards.csv", 3), "tag", "caf\u00e9 \u65e5\u672c");
        assertEquals(plain.toString(), FindingsText.line(plain));
        DeckReport report = new DeckReport(1, 1, 2, 0, List.of(Finding.error(new SourceLocation("a.csv", 2), "empty-term", "x\ny")),
                null, 0, null);
        assertEquals(List.of("anki:check found 1 error in 1 file:", "a.csv:2: x\\ny"),
                FindingsText.failure("anki:check", List.of(report)).lines().toList());
    }
}
