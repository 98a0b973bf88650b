package io.github.ankimaven.maven;

import io.github.ankimaven.core.BuildFingerprint;
import io.github.ankimaven.core.BuildTimestamp;
import io.github.ankimaven.core.CardFiles;
import io.github.ankimaven.core.DeckBuilder;
import io.github.ankimaven.core.DeckConfigurationException;
import io.github.ankimaven.core.DeckReport;
import io.github.ankimaven.core.DeckRequest;
import io.github.ankimaven.core.apkg.PackageWriter;
import io.github.ankimaven.core.model.Finding;
import io.github.ankimaven.core.release.MovedBetweenDecks;
import io.github.ankimaven.core.release.ReleaseChanges;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;

/**
 * Runs the same checks as {@code anki:check}, then writes the deck's Anki package
 * ({@code <outputDirectory>/<finalName>.apkg}) and attaches it to the project (type
 * {@code apkg}) so that {@code mvn install} and {@code mvn deploy} publish it. On errors no
 * package is written and a package left by an earlier build is deleted.
 *
 * @since 0.1.0
 */
@Mojo(name = "package", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class PackageMojo extends AbstractAnkiMojo {

    static final String ARTIFACT_TYPE = "apkg";

    private final MavenProjectHelper projectHelper;
    private final RepositorySystem repositorySystem;

    /**
     * The directory the package is written to.
     *
     * <p>Default <code>${project.build.directory}</code>; property {@code anki.outputDirectory}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "anki.outputDirectory", defaultValue = "${project.build.directory}", required = true)
    private File outputDirectory;

    /**
     * The package's file name without the {@code .apkg} extension.
     *
     * <p>Default <code>${project.build.finalName}</code>; property {@code anki.finalName}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "anki.finalName", defaultValue = "${project.build.finalName}", required = true)
    private String finalName;

    /**
     * Whether to attach the package to the project as an artifact of type {@code apkg}, so that
     * {@code install} and {@code deploy} publish it.
     *
     * <p>Default {@code true}; property {@code anki.attach}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "anki.attach", defaultValue = "true")
    private boolean attach;

    /**
     * The classifier the package is attached with; none by default, so it is published as
     * {@code <artifactId>-<version>.apkg}.
     *
     * <p>Default: none; property {@code anki.classifier}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "anki.classifier")
    private String classifier;

    /**
     * The release's timestamp: ISO-8601 ({@code 2026-11-25T10:00:00Z}) or seconds since the
     * epoch. Every note's modification time and the zip entries' times come from it, so the
     * same cards and timestamp give the same bytes. Advance it with every release: Anki updates
     * a learner's note only when the package's note is newer. Unset, the current time is used
     * and the package is not reproducible.
     *
     * <p>Default <code>${project.build.outputTimestamp}</code>.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    private String outputTimestamp;

    /**
     * The previous release of this deck, to compare with: a file path, or Maven coordinates
     * {@code groupId:artifactId:version[:classifier]} of its {@code apkg} artifact, resolved from
     * the project's repositories. Notes whose content did not change keep the previous release's
     * modification time, so learners' Anki skips them and keeps their own edits; changed notes get
     * this build's timestamp and are updated. Unset for a first release.
     *
     * <p>Default: none; property {@code anki.previousRelease}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "anki.previousRelease")
    private String previousRelease;

    /**
     * Report release-compatibility problems (a changed note type schema, a note that looks renamed
     * under a new GUID, a changed {@code _} media file that kept its name, a timestamp not later
     * than the previous release) as warnings instead of failing the build.
     *
     * <p>Default {@code false}; property {@code anki.allowBreakingChanges}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "anki.allowBreakingChanges", defaultValue = "false")
    private boolean allowBreakingChanges;

    /**
     * Write the package even when nothing that affects it changed since the last build. Without
     * it, an unchanged deck is not rebuilt (the fingerprint of plugin version, configuration, note
     * types, card files, description file, media files and previous release lives in
     * {@code target/anki-maven-plugin/}).
     *
     * <p>Default {@code false}; property {@code anki.forceCreation}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "anki.forceCreation", defaultValue = "false")
    private boolean forceCreation;

    /**
     * Also write the preview site of the deck (see {@code anki:preview}) to {@code previewDirectory},
     * before the package, so that it shows the findings even when the build fails.
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

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    @Inject
    public PackageMojo(MavenProjectHelper projectHelper, RepositorySystem repositorySystem) {
        this.projectHelper = projectHelper;
        this.repositorySystem = repositorySystem;
    }

    @Override
    protected String goal() {
        return "anki:package";
    }

    @Override
    protected void run() throws IOException, DeckConfigurationException, MojoFailureException {
        Optional<Instant> timestamp = BuildTimestamp.parse(outputTimestamp);
        if (timestamp.isEmpty()) {
            String why = outputTimestamp == null || outputTimestamp.isBlank() ? "is not set"
                    : "is \"" + outputTimestamp.strip() + "\", which Maven takes for no timestamp";
            getLog().warn("project.build.outputTimestamp " + why + ": using the current time, so the package is not"
                    + " reproducible (set it to a date such as 2026-11-25T00:00:00Z, and advance it with every release)");
        }
        List<ConfiguredDeck> decks = configuredDecks(timestamp.orElseGet(Instant::now), finalName, previousRelease,
                outputDirectory.toPath());
        if (preview) {
            writePreviews(decks, previewDirectory);
        }
        List<DeckReport> reports = new ArrayList<>();
        for (ConfiguredDeck deck : decks) {
            reports.add(buildDeck(deck, false));
        }
        if (decks.size() > 1) {
            // A deck skipped as up to date was not compared with its previous release: when another deck
            // adds notes, compare it too, or a note moved from it to the other would go unnoticed.
            boolean anyAdded = reports.stream().anyMatch(report -> report.release() != null && !report.release().someAdded().isEmpty());
            for (int i = 0; anyAdded && i < decks.size(); i++) {
                if (wasSkipped(reports.get(i)) && decks.get(i).previousRelease() != null) {
                    reports.set(i, buildDeck(decks.get(i), true));
                }
            }
            List<MovedBetweenDecks.Deck> compared = new ArrayList<>();
            for (int i = 0; i < decks.size(); i++) {
                compared.add(new MovedBetweenDecks.Deck(decks.get(i).request().deckName(), reports.get(i).release()));
            }
            List<List<Finding>> moved = MovedBetweenDecks.find(compared);
            for (int i = 0; i < reports.size(); i++) {
                reports.set(i, reports.get(i).withMoreFindings(moved.get(i)));
            }
        }
        if (reports.stream().anyMatch(DeckReport::hasErrors)) {
            // The build fails: the other decks' packages, new or up to date, must not look like its result.
            deleteStalePackages(decks, outputDirectory.toPath());
        }
        // The check's reports get what only this goal finds (the release gate's findings), or CI would
        // show green reports of a red build; a deck skipped as up to date keeps the check's findings.
        if (project.getContextValue(CHECK_REPORTS) instanceof CheckReportFiles files && files.checked().size() == reports.size()) {
            List<DeckReport> merged = new ArrayList<>();
            for (int i = 0; i < reports.size(); i++) {
                merged.add(wasSkipped(reports.get(i)) ? files.checked().get(i) : reports.get(i));
            }
            writeCheckReports(files, decks, merged);
        }
        report(reports);
    }

    /** Whether a deck's report is that of a package left as it was, up to date: not built, so not checked either. */
    private static boolean wasSkipped(DeckReport report) {
        return report.release() == null && report.packageFile() != null;
    }

    /** Builds one deck's package unless it is up to date (or {@code force}); returns its report (null-free). */
    private DeckReport buildDeck(ConfiguredDeck deck, boolean force) throws IOException, DeckConfigurationException {
        Path output = outputDirectory.toPath().resolve(deck.finalName() + ".apkg");
        Path fingerprintFile = fingerprintFile(deck);
        try {
            return buildOrSkip(deck, output, fingerprintFile, force);
        } catch (IOException | DeckConfigurationException | RuntimeException e) {
            // Whatever failed (an unresolvable previous release, say), an earlier package must not look current.
            try {
                deleteStalePackage(outputDirectory.toPath(), deck.finalName());
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private DeckReport buildOrSkip(ConfiguredDeck deck, Path output, Path fingerprintFile, boolean force)
            throws IOException, DeckConfigurationException {
        DeckRequest request = deck.request().withPreviousRelease(previousReleaseFile(deck.previousRelease()), allowBreakingChanges);
        Path releaseNotes = PackageWriter.releaseNotesPath(output);
        String pluginIdentity = pluginVersion + pluginBuild();
        boolean mayBeUpToDate = !forceCreation && !force && Files.isRegularFile(output) && Files.isRegularFile(releaseNotes)
                && Files.isRegularFile(fingerprintFile);
        BuildFingerprint.Pending fingerprint = BuildFingerprint.inBackground(request, output, pluginIdentity,
                String.valueOf(outputTimestamp));
        String current = mayBeUpToDate ? fingerprint.orNull() : null;
        if (current != null && current.equals(readFingerprint(fingerprintFile))) {
            getLog().info("Skipping anki:package: " + display(output) + " is up to date (nothing it depends on changed;"
                    + " -Danki.forceCreation rebuilds it)");
            attach(output, releaseNotes, deck.classifier());
            return new DeckReport(request.cardFiles().size(), 0, 0, 0, List.of(), output, Files.size(output), null);
        }
        if (request.previousRelease() == null) {
            getLog().info("No previous release to compare with (<previousRelease>): every note gets this build's timestamp,"
                    + " so learners who imported an earlier release get every note updated, replacing their own edits."
                    + " Fine for a first release.");
        }
        Files.deleteIfExists(fingerprintFile);
        DeckReport report = DeckBuilder.build(request, output, new LoggingProgress(getLog(), request.deckName()));
        if (report.hasErrors()) {
            return report;
        }
        getLog().info("Wrote " + display(output) + " (\"" + request.deckName() + "\") from " + FindingsText.summary(report));
        getLog().info(LoggingProgress.summary(request.deckName(), report.packageBytes(), report.totalTime(), report.phases()));
        ReleaseChanges release = report.release();
        if (!release.isFirstRelease()) {
            getLog().info("Compared with " + release.previousPackage() + ": " + release.added() + " added, "
                    + release.changed() + " changed, " + release.removed() + " removed, "
                    + release.unchanged() + " unchanged; release notes in " + display(releaseNotes));
        }
        String built = fingerprint.ifInputsUnchanged();
        if (built != null) {
            writeFingerprint(fingerprintFile, built);
        } else {
            getLog().info("The inputs of " + display(output) + " changed while it was built (or could not all be read again):"
                    + " the next build builds it again instead of skipping it");
        }
        attach(output, releaseNotes, deck.classifier());
        return report;
    }

    private void attach(Path output, Path releaseNotes, String deckClassifier) {
        if (!attach) {
            return;
        }
        String packageClassifier = deckClassifier != null ? deckClassifier : classifier == null ? "" : classifier.strip();
        if (packageClassifier.isEmpty()) {
            projectHelper.attachArtifact(project, ARTIFACT_TYPE, output.toFile());
        } else {
            projectHelper.attachArtifact(project, ARTIFACT_TYPE, packageClassifier, output.toFile());
        }
        String notesClassifier = (packageClassifier.isEmpty() ? "" : packageClassifier + "-") + "release-notes";
        projectHelper.attachArtifact(project, "md", notesClassifier, releaseNotes.toFile());
    }

    /** The previous release as a local file: the path as given, or the resolved Maven artifact. */
    private Path previousReleaseFile(String previousRelease) throws DeckConfigurationException {
        if (previousRelease == null || previousRelease.isBlank()) {
            return null;
        }
        String value = previousRelease.strip();
        Path asPath = project.getBasedir().toPath().resolve(value);
        String[] parts = value.split(":");
        if (Files.exists(asPath) || parts.length < 3 || parts.length > 4) {
            return asPath;
        }
        Artifact artifact = new DefaultArtifact(parts[0], parts[1], parts.length == 4 ? parts[3] : "", ARTIFACT_TYPE, parts[2]);
        try {
            ArtifactResult result = repositorySystem.resolveArtifact(session.getRepositorySession(),
                    new ArtifactRequest(artifact, project.getRemoteProjectRepositories(), null));
            return result.getArtifact().getFile().toPath();
        } catch (ArtifactResolutionException e) {
            throw new DeckConfigurationException("<previousRelease> " + value + " cannot be resolved from the project's"
                    + " repositories (" + e.getMessage() + "): check the coordinates, or give the path of the previous .apkg");
        }
    }

    /** The plugin jar's size and time: a rebuilt snapshot of the plugin makes decks rebuild too. */
    private String pluginBuild() {
        File jar = plugin == null || plugin.getPluginArtifact() == null ? null : plugin.getPluginArtifact().getFile();
        return jar != null && jar.isFile() ? " " + jar.length() + " " + jar.lastModified() : "";
    }

    private String readFingerprint(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException | RuntimeException e) {
            getLog().debug("No usable fingerprint at " + file + ": " + e);
            return null;
        }
    }

    private void writeFingerprint(Path file, String fingerprint) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, fingerprint + "\n");
        } catch (IOException e) {
            getLog().warn("Cannot write " + file + " (the next build will not be skipped): " + e.getMessage());
        }
    }

    private String display(Path path) {
        return CardFiles.display(project.getBasedir().toPath(), path);
    }
}
