package io.github.ankimaven.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ankimaven.core.model.Finding;
import io.github.ankimaven.core.model.Severity;
import io.github.ankimaven.core.report.Rules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleSeveritiesTest {

    @TempDir
    Path dir;

    @Test
    void anyRuleMayBecomeAnErrorAndAFewAWarning() throws Exception {
        assertEquals(Map.of("media-unused", Severity.ERROR, "template-media", Severity.WARNING),
                RuleSeverities.parse(Map.of(" media-unused ", "Error", "template-media", "warning")));
        assertEquals(Map.of(), RuleSeverities.parse(null));
        for (String id : RuleSeverities.MAY_BE_WARNINGS) {
            assertTrue(Rules.byId(id).isPresent(), id + " is a rule");
        }
    }

    @Test
    void unknownRulesValuesAndErrorsThatWouldBreakThePackageAreConfigurationErrors() {
        assertEquals("<rules> names \"media-unsued\", which is no rule of this plugin; the rules are "
                + Rules.ALL.stream().map(r -> r.id()).toList(), assertThrows(DeckConfigurationException.class,
                        () -> RuleSeverities.parse(Map.of("media-unsued", "error"))).getMessage());
        assertEquals("<rules>: <media-unused> is \"off\", but must be error or warning", assertThrows(DeckConfigurationException.class,
                () -> RuleSeverities.parse(Map.of("media-unused", "off"))).getMessage());
        assertEquals("<rules>: \"duplicate-guid\" cannot be a warning: its errors make a package that Anki imports wrongly, or"
                + " not at all, or that hurts learners who update (for the release gate see <allowBreakingChanges>); the rules that"
                + " may be warnings are [html-unbalanced, html-unfinished, media-missing, media-static, media-static-conflict,"
                + " template-media]", assertThrows(DeckConfigurationException.class,
                        () -> RuleSeverities.parse(Map.of("duplicate-guid", "warning"))).getMessage());
        assertEquals("<rules>: \"duplicate-term\" cannot be a warning; set <duplicateTerms>warning</duplicateTerms> instead, which"
                + " also keeps such notes apart", assertThrows(DeckConfigurationException.class,
                        () -> RuleSeverities.parse(Map.of("duplicate-term", "warning"))).getMessage());
    }

    @Test
    void aBuildReportsEachFindingWithTheSeverityItsRuleIsGiven() throws Exception {
        TestDecks deck = new TestDecks(dir).file("cards.csv", "Term,Definition\nbold,<b>unclosed\n")
                .media("old.png", new byte[] {1});
        DeckRequest request = deck.requestWithMedia().withFormats(io.github.ankimaven.core.format.FieldFormat.HTML, Map.of());
        List<String> asItIs = DeckBuilder.check(request).findings().stream().map(f -> f.severity() + " " + f.rule()).toList();
        assertEquals(List.of("ERROR html-unbalanced", "WARNING media-unused"), asItIs);

        DeckRequest configured = request.withRuleSeverities(RuleSeverities.parse(Map.of("html-unbalanced", "warning",
                "media-unused", "error")));
        DeckReport report = DeckBuilder.build(configured, deck.output());
        assertEquals(List.of("WARNING html-unbalanced", "ERROR media-unused"),
                report.findings().stream().map(f -> f.severity() + " " + f.rule()).toList());
        assertFalse(Files.exists(deck.output()), "the unused file fails the build now");

        Files.delete(dir.resolve("src/main/anki/media/old.png"));
        DeckReport built = DeckBuilder.build(configured, deck.output());
        assertEquals(List.of(Severity.WARNING), built.findings().stream().map(Finding::severity).toList());
        assertTrue(Files.exists(deck.output()), "the unclosed tag only warns: the package is written");
    }
}
