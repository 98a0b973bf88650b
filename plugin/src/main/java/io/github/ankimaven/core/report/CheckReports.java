package io.github.ankimaven.core.report;

import io.github.ankimaven.core.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Machine-readable reports of a check, for CI: SARIF 2.1.0 (code scanning annotates the
 * exact card-file lines in a pull request) and JUnit XML (test-result views). Both are UTF-8,
 * deterministic (equal input, equal bytes) and written atomically, replacing an earlier report.
 */
public final class CheckReports {

    private CheckReports() {}

    /**
     * The SARIF 2.1.0 log of {@code findings}: one run whose {@code tool.driver.rules} is the
     * whole {@link Rules} catalogue (plus any unknown rule id, sorted), one result per finding
     * in the order given.
     */
    public static String sarif(SarifOptions options, List<Finding> findings) {
        return SarifReport.json(options, findings);
    }

    /**
     * The JUnit XML report: one test case per card file (display paths, as in findings) and per
     * other file a finding names; a file with errors is a failed test case whose one
     * {@code failure} lists them all, warnings are {@code system-out} lines.
     */
    public static String junit(JUnitOptions options, List<String> cardFiles, List<Finding> findings) {
        return JUnitReport.xml(options, cardFiles, findings);
    }

    /** Writes {@link #sarif} to {@code file}, creating its directory. */
    public static void writeSarif(Path file, SarifOptions options, List<Finding> findings) throws IOException {
        write(file, sarif(options, findings));
    }

    /** Writes {@link #junit} to {@code file}, creating its directory. */
    public static void writeJUnit(Path file, JUnitOptions options, List<String> cardFiles, List<Finding> findings)
            throws IOException {
        write(file, junit(options, cardFiles, findings));
    }

    private static void write(Path file, String text) throws IOException {
        Path target = file.toAbsolutePath();
        Path directory = target.getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "." + target.getFileName(), ".tmp");
        try {
            Files.write(temporary, text.getBytes(StandardCharsets.UTF_8));
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
