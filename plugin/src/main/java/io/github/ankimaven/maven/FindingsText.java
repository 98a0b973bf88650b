package io.github.ankimaven.maven;

import io.github.ankimaven.core.DeckReport;
import io.github.ankimaven.core.model.Finding;
import java.util.List;

/** How findings read in the build log: a summary line, then one {@code path:line: message} each. */
final class FindingsText {

    private FindingsText() {}

    static String failure(String goal, List<DeckReport> reports) {
        List<Finding> errors = reports.stream().flatMap(r -> r.errors().stream()).toList();
        int warnings = reports.stream().mapToInt(DeckReport::warningCount).sum();
        StringBuilder text = new StringBuilder()
                .append(goal).append(" found ").append(count(reports.stream().mapToInt(DeckReport::errorCount).sum(), "error"))
                .append(" in ").append(count((int) DeckReport.fileCount(errors), "file"));
        if (warnings > 0) {
            text.append(" (and ").append(count(warnings, "warning")).append(')');
        }
        text.append(':');
        errors.forEach(error -> text.append('\n').append(error));
        return text.toString();
    }

    static String summary(DeckReport report) {
        return count(report.files(), "card file") + ": " + count(report.notes(), "note") + ", "
                + count(report.cards(), "card") + ", " + (report.mediaFiles() > 0 ? count(report.mediaFiles(), "media file") + ", " : "")
                + (report.warnings().isEmpty() ? "no problems" : count(report.warningCount(), "warning"));
    }

    static String count(int n, String noun) {
        return n + " " + (n == 1 ? noun : noun + "s");
    }
}
