package io.github.ankimaven.maven;

import io.github.ankimaven.core.BuildTimestamp;
import io.github.ankimaven.core.CardFiles;
import io.github.ankimaven.core.DeckBuilder;
import io.github.ankimaven.core.DeckConfigurationException;
import io.github.ankimaven.core.DeckReport;
import io.github.ankimaven.core.DeckRequest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;

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

    @Inject
    public PackageMojo(MavenProjectHelper projectHelper) {
        this.projectHelper = projectHelper;
    }

    @Override
    protected String goal() {
        return "anki:package";
    }

    @Override
    protected void run() throws IOException, DeckConfigurationException, MojoFailureException {
        Optional<Instant> timestamp = BuildTimestamp.parse(outputTimestamp);
        if (timestamp.isEmpty()) {
            getLog().warn("project.build.outputTimestamp is not set: using the current time, so the package is not"
                    + " reproducible (set it, and advance it with every release)");
        }
        DeckRequest request = deckRequest(timestamp.orElseGet(Instant::now));
        Path output = outputDirectory.toPath().resolve(finalName + ".apkg");
        DeckReport report = DeckBuilder.build(request, output);
        report(report);
        getLog().info("Wrote " + CardFiles.display(project.getBasedir().toPath(), output) + " (\"" + request.deckName() + "\") from "
                + FindingsText.summary(report));
        if (attach) {
            if (classifier == null || classifier.isBlank()) {
                projectHelper.attachArtifact(project, ARTIFACT_TYPE, output.toFile());
            } else {
                projectHelper.attachArtifact(project, ARTIFACT_TYPE, classifier.strip(), output.toFile());
            }
        }
    }
}
