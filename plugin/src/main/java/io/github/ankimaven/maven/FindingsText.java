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
        errors.forEach(error -> text.append('\n').append(line(error)));
        return text.toString();
    }

    /**
     * A finding as one log line: control characters from card text (a line break in a term, an
     * escape) shown as \\n or \\u001B, so that a card can neither break the one-line-per-finding
     * form nor write lines a CI runner would take as its own commands.
     */
    static String line(Finding finding) {
        String text = finding.toString();
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029';
            if (control && escaped == null) {
                escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (escaped != null) {
                if (!control) {
                    escaped.append(c);
                } else if (c == '\n') {
                    escaped.append("\\n");
                } else if (c == '\r') {
                    escaped.append("\\r");
                } else if (c == '\t') {
                    escaped.append("\\t");
                } else {
                    escaped.append(String.format("\\u%04X", (int) c));
                }
            }
        }
        return escaped == null ? text : escaped.toString();
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
