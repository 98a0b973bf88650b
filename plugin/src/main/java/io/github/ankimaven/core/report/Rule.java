package io.github.ankimaven.core.report;

import io.github.ankimaven.core.model.Severity;
import java.util.Objects;

/**
 * One check of the plugin, as reports describe it.
 *
 * @param id the stable identifier findings carry ({@link io.github.ankimaven.core.model.Finding#rule()})
 * @param defaultSeverity the severity of its findings unless configured otherwise (some rules
 *     also report milder cases as warnings)
 * @param summary one sentence for report readers: SARIF's {@code shortDescription}, the README's table
 */
public record Rule(String id, Severity defaultSeverity, String summary) {

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(defaultSeverity, "defaultSeverity");
        Objects.requireNonNull(summary, "summary");
    }
}
