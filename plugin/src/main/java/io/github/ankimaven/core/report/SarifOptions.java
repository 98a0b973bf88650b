package io.github.ankimaven.core.report;

import io.github.ankimaven.core.model.Severity;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * How a SARIF report names its tool and locates its files.
 *
 * <p>Findings name files relative to the project's base directory. SARIF consumers such as
 * GitHub code scanning resolve a result's {@code artifactLocation.uri} against the repository
 * root (the {@code %SRCROOT%} base), so a project in a subdirectory of its repository needs
 * {@code pathPrefix}: the base directory relative to the repository root.
 *
 * @param toolVersion the plugin's version, written as {@code tool.driver.version}; null to leave it out
 * @param pathPrefix the project's base directory relative to the repository root, with {@code /}
 *     separators ({@code decks/computing}); empty when the project is the repository root. A
 *     leading {@code ./} is dropped and a trailing {@code /} added; absolute paths and {@code ..}
 *     are refused.
 * @param sourceRoot the repository root as an absolute URI ({@code file:///home/ci/work/repo/}),
 *     written as the {@code uri} of {@code originalUriBaseIds["%SRCROOT%"]}; null (the default)
 *     keeps machine paths out of the report and leaves {@code %SRCROOT%} to the consumer
 * @param category written as {@code automationDetails.id}, which tells GitHub apart the reports
 *     of several decks uploaded for one commit; end it with {@code /} ({@code anki-check/my-deck/}),
 *     since GitHub takes the part after the last {@code /} as a run id, not as category; null to
 *     leave it out
 * @param ruleSeverities the severities the build gave rules instead of their own ({@code <rules>}),
 *     written as the rules' default levels, so that they agree with the results
 */
public record SarifOptions(String toolVersion, String pathPrefix, URI sourceRoot, String category,
        Map<String, Severity> ruleSeverities) {

    public SarifOptions {
        toolVersion = blankToNull(toolVersion);
        pathPrefix = normalizePrefix(pathPrefix);
        if (sourceRoot != null) {
            if (!sourceRoot.isAbsolute() || sourceRoot.isOpaque()) {
                throw new IllegalArgumentException("the SARIF source root must be an absolute hierarchical URI such as"
                        + " file:///work/repo/, not " + sourceRoot);
            }
            if (!sourceRoot.getRawPath().endsWith("/")) {
                sourceRoot = URI.create(sourceRoot + "/");
            }
        }
        category = blankToNull(category);
        ruleSeverities = Map.copyOf(ruleSeverities);
    }

    /** Options with files relative to the repository root and nothing machine-specific. */
    public static SarifOptions of(String toolVersion) {
        return new SarifOptions(toolVersion, "", null, null, Map.of());
    }

    public SarifOptions withPathPrefix(String prefix) {
        return new SarifOptions(toolVersion, prefix, sourceRoot, category, ruleSeverities);
    }

    public SarifOptions withSourceRoot(URI root) {
        return new SarifOptions(toolVersion, pathPrefix, root, category, ruleSeverities);
    }

    public SarifOptions withCategory(String id) {
        return new SarifOptions(toolVersion, pathPrefix, sourceRoot, id, ruleSeverities);
    }

    public SarifOptions withRuleSeverities(Map<String, Severity> severities) {
        return new SarifOptions(toolVersion, pathPrefix, sourceRoot, category, severities);
    }

    /**
     * Options whose {@link #pathPrefix} places {@code baseDirectory}, the project's base
     * directory, inside {@code repositoryRoot}.
     *
     * @throws IllegalArgumentException when the base directory is not inside the repository root
     */
    public SarifOptions withProjectIn(Path repositoryRoot, Path baseDirectory) {
        Path root = real(repositoryRoot);
        Path base = real(baseDirectory);
        if (!base.startsWith(root)) {
            throw new IllegalArgumentException("the project directory " + base + " is not inside the repository root " + root);
        }
        return withPathPrefix(root.relativize(base).toString().replace('\\', '/'));
    }

    /**
     * The root of the Git work tree holding {@code directory}: the nearest directory at or above
     * it with a {@code .git} entry (a directory, or a file in a linked work tree or submodule).
     */
    public static Optional<Path> gitRoot(Path directory) {
        for (Path dir = real(directory); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    private static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath();
        } catch (IOException e) {
            return absolute;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String normalizePrefix(String prefix) {
        String p = prefix == null ? "" : prefix.strip().replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        if (p.equals(".")) {
            p = "";
        }
        if (p.startsWith("/") || p.matches("(?i)^[a-z][a-z0-9+.-]*:.*")) {
            throw new IllegalArgumentException("the SARIF path prefix must be relative to the repository root, not "
                    + prefix);
        }
        for (String segment : p.split("/")) {
            if (segment.equals("..")) {
                throw new IllegalArgumentException("the SARIF path prefix must not leave the repository root: " + prefix);
            }
        }
        p = p.replaceAll("/{2,}", "/");
        return p.isEmpty() || p.endsWith("/") ? p : p + "/";
    }
}
