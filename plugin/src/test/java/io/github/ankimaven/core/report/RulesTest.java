package io.github.ankimaven.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RulesTest {

    /**
     * A rule id as the checks pass it: the first string literal argument of
     * {@code Finding.error(…)}, {@code Finding.warning(…)}, {@code new Finding(…)} or a local
     * {@code error(…)} helper, within one statement.
     */
    private static final Pattern EMITTED = Pattern.compile(
            "(?:Finding\\.(?:error|warning)|new Finding|new FieldProblem|\\berror)\\((?:[^;\"]|\"(?:[^\"\\\\]|\\\\.)*\")*?,\\s*\"([a-z][a-z0-9-]*)\"\\s*,");

    @Test
    void theCatalogueHoldsExactlyTheRuleIdsTheChecksEmit() throws IOException {
        Set<String> emitted = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/github/ankimaven"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = EMITTED.matcher(Files.readString(file));
                while (m.find()) {
                    emitted.add(m.group(1));
                }
            }
        }
        assertTrue(emitted.containsAll(Set.of("encoding", "duplicate-term", "renamed-note")), "the scan works: " + emitted);
        assertEquals(emitted, new TreeSet<>(Rules.ALL.stream().map(Rule::id).toList()));
    }

    @Test
    void idsAreUniqueKebabCaseAndSummariesAreOneSentence() {
        List<String> ids = Rules.ALL.stream().map(Rule::id).toList();
        assertEquals(ids.size(), Set.copyOf(ids).size(), "unique ids");
        for (Rule rule : Rules.ALL) {
            assertTrue(rule.id().matches("[a-z]+(-[a-z]+)*"), rule.id());
            assertTrue(rule.summary().endsWith(".") && !rule.summary().contains("\n") && rule.summary().length() <= 160,
                    rule.summary());
            assertEquals(rule, Rules.byId(rule.id()).orElseThrow());
        }
        assertTrue(Rules.byId("no-such-rule").isEmpty());
    }

    @Test
    void theReadmeListsEveryRuleWithItsSeverityAndSummary() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        List<String> rows = readme.lines().filter(line -> line.startsWith("| `")).toList();
        for (Rule rule : Rules.ALL) {
            String row = "| `" + rule.id() + "` | " + rule.defaultSeverity().name().toLowerCase(java.util.Locale.ROOT) + " | "
                    + rule.summary().replace("|", "\\|").replace("<", "&lt;") + " |"; // "<" would be HTML there
            assertTrue(rows.contains(row), "README.md lacks the row " + row);
        }
    }
}
