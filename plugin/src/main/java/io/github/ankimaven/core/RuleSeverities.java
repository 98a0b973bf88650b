package io.github.ankimaven.core;

import io.github.ankimaven.core.model.Severity;
import io.github.ankimaven.core.report.Rule;
import io.github.ankimaven.core.report.Rules;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The severities a build gives single rules instead of their own ({@code <rules>}). Any rule may
 * become an error, so that CI fails on it. Only rules whose errors concern what learners see,
 * not whether Anki can import the package, may become warnings.
 */
public final class RuleSeverities {

    /** The error rules an author may accept as warnings: the package still imports, with the flaw the rule names. */
    public static final Set<String> MAY_BE_WARNINGS = Set.of("template-media", "media-static-conflict", "media-static",
            "media-missing", "html-unbalanced", "html-unfinished");

    private RuleSeverities() {}

    /** Checks the configured map ({@code rule id → error | warning}) and returns it as severities, sorted by rule id. */
    public static SortedMap<String, Severity> parse(Map<String, String> configured) throws DeckConfigurationException {
        SortedMap<String, Severity> severities = new TreeMap<>();
        for (Map.Entry<String, String> entry : (configured == null ? Map.<String, String>of() : configured).entrySet()) {
            String id = entry.getKey().strip();
            Rule rule = Rules.byId(id).orElseThrow(() -> new DeckConfigurationException("<rules> names \"" + id
                    + "\", which is no rule of this plugin; the rules are " + Rules.ALL.stream().map(Rule::id).toList()));
            String value = entry.getValue() == null ? "" : entry.getValue().strip().toLowerCase(Locale.ROOT);
            Severity severity = switch (value) {
                case "error" -> Severity.ERROR;
                case "warning" -> Severity.WARNING;
                default -> throw new DeckConfigurationException("<rules>: <" + id + "> is \"" + entry.getValue()
                        + "\", but must be error or warning");
            };
            if (severity == Severity.WARNING && rule.defaultSeverity() == Severity.ERROR && !MAY_BE_WARNINGS.contains(id)) {
                throw new DeckConfigurationException("<rules>: \"" + id + "\" cannot be a warning" + (id.equals("duplicate-term")
                        ? "; set <duplicateTerms>warning</duplicateTerms> instead, which also keeps such notes apart"
                        : ": its errors make a package that Anki imports wrongly, or not at all, or that hurts learners who"
                                + " update (for the release gate see <allowBreakingChanges>); the rules that may be warnings are "
                                + MAY_BE_WARNINGS.stream().sorted().toList()));
            }
            severities.put(id, severity);
        }
        return Collections.unmodifiableSortedMap(severities);
    }
}
