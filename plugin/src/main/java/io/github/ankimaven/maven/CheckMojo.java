package io.github.ankimaven.maven;

import io.github.ankimaven.core.DeckBuilder;
import io.github.ankimaven.core.DeckConfigurationException;
import io.github.ankimaven.core.DeckReport;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Reads every card file of the deck and reports every problem (malformed rows, duplicate
 * terms, tags Anki cannot store...) as {@code path:line: message}; fails the build on errors.
 * Writes only its reports: SARIF and JUnit XML.
 *
 * @since 0.1.0
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class CheckMojo extends AbstractAnkiMojo {

    /**
     * The directory {@code anki:package} writes the package to: when the check finds errors, it
     * deletes a package an earlier build left there, so that a failed {@code mvn package} (where
     * this goal stops the build before {@code anki:package} runs) leaves none looking current.
     *
     * <p>Default <code>${project.build.directory}</code>; property {@code anki.outputDirectory}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "anki.outputDirectory", defaultValue = "${project.build.directory}", required = true)
    private File outputDirectory;

    /**
     * The package's file name without the {@code .apkg} extension, as {@code anki:package} names it;
     * see {@code outputDirectory}.
     *
     * <p>Default <code>${project.build.finalName}</code>; property {@code anki.finalName}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "anki.finalName", defaultValue = "${project.build.finalName}", required = true)
    private String finalName;

    /**
     * Where to write the findings as SARIF 2.1.0, for code scanning (GitHub shows them as
     * annotations on the card-file lines of a pull request). Written even when the check fails.
     *
     * <p>Default <code>${project.build.directory}/anki-check.sarif</code>; property {@code anki.sarifFile}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "anki.sarifFile", defaultValue = "${project.build.directory}/anki-check.sarif")
    private File sarifFile;

    /**
     * Where to write a JUnit-style XML summary: one test per card file, failed when it has errors.
     *
     * <p>Default <code>${project.build.directory}/TEST-anki-check.xml</code>; property {@code anki.junitFile}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "anki.junitFile", defaultValue = "${project.build.directory}/TEST-anki-check.xml")
    private File junitFile;

    /**
     * The project's directory relative to the repository root, prefixed to SARIF paths so code
     * scanning finds the files.
     *
     * <p>Default: derived from the Git work tree around the project (none outside Git);
     * property {@code anki.sarifPathPrefix}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "anki.sarifPathPrefix")
    private String sarifPathPrefix;

    /**
     * When the check finds errors, also write the preview site of the deck (see {@code anki:preview})
     * to {@code previewDirectory}: the build stops here, before {@code anki:package} would write it,
     * and the preview of a failing build shows each finding beside its card. The same property as
     * {@code anki:package}'s {@code preview}, so {@code mvn package -Danki.preview} always writes one.
     *
     * <p>Default {@code false}; property {@code anki.preview}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "anki.preview", defaultValue = "false")
    private boolean preview;

    /**
     * Where {@code preview} writes the preview site.
     *
     * <p>Default <code>${project.build.directory}/anki-preview</code>; property {@code anki.previewDirectory}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "anki.previewDirectory", defaultValue = "${project.build.directory}/anki-preview", required = true)
    private File previewDirectory;

    @Parameter(defaultValue = "${plugin.version}", readonly = true, required = true)
    private String pluginVersion;

    /** SARIF and JUnit XML of every deck's findings, written before the build may fail. */
    private void writeReports(List<ConfiguredDeck> decks, List<DeckReport> reports) throws IOException, DeckConfigurationException {
        CheckReportFiles files = new CheckReportFiles(sarifFile, junitFile, sarifPathPrefix, pluginVersion, List.copyOf(reports));
        writeCheckReports(files, decks, reports);
        // anki:package, later in the same build, adds what only it finds (the release gate's findings).
        project.setContextValue(CHECK_REPORTS, files);
    }

    @Override
    protected String goal() {
        return "anki:check";
    }

    @Override
    protected void run() throws IOException, DeckConfigurationException, MojoFailureException {
        // A run that fails before the reports are written (a configuration error) must not leave an
        // earlier run's reports for CI to upload as this one's.
        for (File report : new File[] {sarifFile, junitFile}) {
            if (report != null) {
                Files.deleteIfExists(report.toPath());
            }
        }
        List<ConfiguredDeck> decks = configuredDecks(Instant.EPOCH, finalName, null, outputDirectory.toPath());
        List<DeckReport> reports = new ArrayList<>();
        for (ConfiguredDeck deck : decks) {
            reports.add(DeckBuilder.check(deck.request()));
        }
        if (reports.stream().anyMatch(DeckReport::hasErrors)) {
            deleteStalePackages(decks, outputDirectory.toPath());
        }
        writeReports(decks, reports);
        if (preview && reports.stream().anyMatch(DeckReport::hasErrors)) {
            writePreviews(decks, previewDirectory);
        }
        report(reports);
        for (int i = 0; i < reports.size(); i++) {
            String deckName = decks.size() > 1 ? "\"" + decks.get(i).request().deckName() + "\": " : "";
            getLog().info("Checked " + deckName + FindingsText.summary(reports.get(i)));
        }
    }
}
