package io.github.ankimaven.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs real Maven on a copy of a deck project, against the plugin that invoker:install put into
 * {@code target/it-repo}; other artifacts come from the user's local repository (as a file
 * repository) or Maven Central.
 */
public final class MavenRun {

    public final int exitCode;
    public final List<String> lines;
    public final Path project;

    private MavenRun(int exitCode, List<String> lines, Path project) {
        this.exitCode = exitCode;
        this.lines = lines;
        this.project = project;
    }

    /** The repository's root directory (where README.md, examples/ and source-cards/ are). */
    public static Path repoRoot() {
        return Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
    }

    public static String pluginVersion() {
        return System.getProperty("plugin.version");
    }

    /** Copies {@code source} (a project directory, without its target/) to a fresh work directory. */
    public static Path copyProject(Path source, String name) throws IOException {
        Path work = repoRoot().resolve("plugin/target/it-work").resolve(name);
        deleteRecursively(work);
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.toList()) {
                Path relative = source.relativize(path);
                if (relative.startsWith("target")) {
                    continue;
                }
                Path destination = work.resolve(relative.toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(path, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Path pom = work.resolve("pom.xml");
        Files.writeString(pom, Files.readString(pom).replace("@plugin.version@", pluginVersion()));
        return work;
    }

    public static MavenRun run(Path project, String... arguments) throws IOException, InterruptedException {
        return run(project, java.util.Map.of(), arguments);
    }

    /** Runs Maven with extra environment variables (e.g. {@code TZ}, {@code MAVEN_OPTS}). */
    public static MavenRun run(Path project, java.util.Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        Path settings = writeSettings();
        String mavenHome = System.getProperty("maven.home");
        if (mavenHome == null) {
            throw new IllegalStateException("maven.home is not set: run the integration tests with mvn verify");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(mavenHome, "bin", "mvn").toString(), "-B",
                "-s", settings.toString(),
                "-Dmaven.repo.local=" + Path.of(System.getProperty("it.repo")).toAbsolutePath()));
        command.addAll(List.of(arguments));
        Path log = project.resolve("build.log");
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process process = builder
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("Maven did not finish within 5 minutes: " + command);
        }
        return new MavenRun(process.exitValue(), Files.readAllLines(log, StandardCharsets.UTF_8), project);
    }

    /** Lines that start with the given text, in order. */
    public List<String> linesStartingWith(String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).toList();
    }

    public String log() {
        return String.join("\n", lines);
    }

    private static Path writeSettings() throws IOException {
        Path settings = repoRoot().resolve("plugin/target/it-settings.xml");
        String userRepository = Path.of(System.getProperty("user.home"), ".m2", "repository").toUri().toString();
        Files.writeString(settings, """
                <settings>
                  <profiles>
                    <profile>
                      <id>user-repository</id>
                      <repositories>
                        <repository><id>user-repository</id><url>%1$s</url></repository>
                      </repositories>
                      <pluginRepositories>
                        <pluginRepository><id>user-repository</id><url>%1$s</url></pluginRepository>
                      </pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>user-repository</activeProfile></activeProfiles>
                </settings>
                """.formatted(userRepository));
        return settings;
    }

    public static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
