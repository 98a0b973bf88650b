package io.github.ankimaven.core.check;

import io.github.ankimaven.core.model.Finding;
import io.github.ankimaven.core.model.Severity;
import io.github.ankimaven.core.model.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Collects findings from every check so that one run reports every problem. A problem that
 * repeats on every row of a big deck would otherwise fill the memory and the log: of each
 * rule and severity the first {@value #MAX_PER_RULE} in each file are kept, and one more
 * finding, where the unlisted ones start, says how many there are. Per file, so that every file
 * with a problem has a finding of its own (a report shows each file as a test).
 */
public final class Findings implements Consumer<Finding> {

    public static final int MAX_PER_RULE = 1_000;

    private final int maxPerRule;
    private final Map<String, Severity> ruleSeverities;
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, Integer> perRule = new HashMap<>();
    private final Map<String, Unlisted> unlisted = new LinkedHashMap<>();
    private int errors;

    /** Findings that list at most {@value #MAX_PER_RULE} of each rule and severity in each file. */
    public Findings() {
        this(Map.of());
    }

    /** {@link #Findings()}, giving the rules in {@code ruleSeverities} those severities instead of their own. */
    public Findings(Map<String, Severity> ruleSeverities) {
        this(MAX_PER_RULE, ruleSeverities);
    }

    private Findings(int maxPerRule, Map<String, Severity> ruleSeverities) {
        this.maxPerRule = maxPerRule;
        this.ruleSeverities = ruleSeverities;
    }

    /** Findings that list every one (for the preview, which shows each beside its card). */
    public static Findings unlimited(Map<String, Severity> ruleSeverities) {
        return new Findings(Integer.MAX_VALUE, ruleSeverities);
    }

    private static final class Unlisted {
        final Finding first;
        int count;

        Unlisted(Finding first) {
            this.first = first;
        }
    }

    @Override
    public void accept(Finding found) {
        Severity configured = ruleSeverities.get(found.rule());
        Finding finding = configured == null || configured == found.severity() ? found
                : new Finding(configured, found.location(), found.rule(), found.message(), found.unlisted());
        if (finding.isError()) {
            errors++;
        }
        String key = finding.severity() + " " + finding.rule() + " " + (finding.location() == null ? "" : finding.location().file());
        if (perRule.merge(key, 1, Integer::sum) <= maxPerRule) {
            findings.add(finding);
        } else {
            unlisted.computeIfAbsent(key, k -> new Unlisted(finding)).count++;
        }
    }

    public boolean hasErrors() {
        return errors > 0;
    }

    /** All findings kept, with one for each rule that had more, sorted by file, line, severity and message. */
    public List<Finding> sorted() {
        List<Finding> all = new ArrayList<>(findings);
        unlisted.values().forEach(more -> all.add(summary(more)));
        return all.stream().sorted().toList();
    }

    private Finding summary(Unlisted more) {
        Finding first = more.first;
        boolean one = more.count == 1;
        String kind = (first.severity() == Severity.ERROR ? "error" : "warning") + (one ? "" : "s");
        int total = maxPerRule + more.count;
        SourceLocation at = first.location();
        return new Finding(first.severity(), at, first.rule(), more.count + " more " + kind + " \"" + first.rule()
                + "\" in this file, from here on, " + (one ? "is" : "are") + " not listed (" + total
                + " in all; only the first " + maxPerRule + " are): fix those and build again to see the rest", more.count);
    }
}
