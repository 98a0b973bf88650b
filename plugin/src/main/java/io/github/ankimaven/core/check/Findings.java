package io.github.ankimaven.core.check;

import io.github.ankimaven.core.model.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Collects findings from every check so that one run reports every problem. */
public final class Findings implements Consumer<Finding> {

    private final List<Finding> findings = new ArrayList<>();
    private int errors;

    @Override
    public void accept(Finding finding) {
        findings.add(finding);
        if (finding.isError()) {
            errors++;
        }
    }

    public boolean hasErrors() {
        return errors > 0;
    }

    /** All findings, sorted by file, line, severity and message. */
    public List<Finding> sorted() {
        return findings.stream().sorted().toList();
    }
}
