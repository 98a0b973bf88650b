package io.github.ankimaven.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ankimaven.testsupport.ApkgContents;
import io.github.ankimaven.testsupport.MavenRun;
import io.github.ankimaven.testsupport.anki.AnkiCollection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real Maven builds of the shipped deck, the examples and broken projects, asserting exact log lines. */
class DeckProjectsIT {

    @TempDir
    Path scratch;

    private static String failurePrefix(String goal, String execution, String project) {
        return "[ERROR] Failed to execute goal io.github.ankimaven:anki-maven-plugin:" + MavenRun.pluginVersion() + ":" + goal
                + " (" + execution + ") on project " + project + ": ";
    }

    private static List<String> summaryLines(MavenRun run) {
        return run.lines.stream().filter(l -> l.startsWith("[INFO] Checked") || l.startsWith("[INFO] Wrote")).toList();
    }

    @Test
    void theMinimalExampleBuildsItsPackage() throws Exception {
        assertTrue(Files.readString(MavenRun.repoRoot().resolve("examples/minimal/pom.xml"))
                .contains("<version>" + MavenRun.pluginVersion() + "</version>"), "the example uses this plugin version");
        MavenRun run = MavenRun.run(MavenRun.copyProject(MavenRun.repoRoot().resolve("examples/minimal"), "minimal"), "package");
        assertEquals(0, run.exitCode, run.log());
        assertEquals(List.of(
                "[INFO] Checked 1 card file: 3 notes, 6 cards, no problems",
                "[INFO] Wrote target/minimal-1.0.0.apkg (\"Minimal Example Deck\") from 1 card file: 3 notes, 6 cards, no problems"),
                summaryLines(run));
        assertEquals(List.of(), run.linesStartingWith("[WARNING]"));
        try (ApkgContents apkg = new ApkgContents(run.project.resolve("target/minimal-1.0.0.apkg"), scratch)) {
            assertEquals(List.of("Hypervisor", "Container", "Snapshot"),
                    apkg.rows("SELECT sfld FROM notes ORDER BY id").stream().map(r -> r.get("sfld")).toList());
            assertEquals(6L, ((Number) apkg.single("SELECT count(*) FROM cards")).longValue());
        }
        assertImportsIntoAnki(run.project.resolve("target/minimal-1.0.0.apkg"), "Minimal Example Deck", 3,
                List.of(" virtualization ", " virtualization::containers ", " virtualization "));
    }

    /** Anki 2.1.66's importer: all notes, two cards each, the deck and tags; nothing to fix; a second import adds nothing. */
    private void assertImportsIntoAnki(Path apkg, String deckName, int notes, List<String> tagsInOrder) throws Exception {
        AnkiCollection learner = new AnkiCollection(scratch.resolve("learner-" + apkg.getFileName()));
        assertEquals("new=" + notes + " updated=0 duplicate=0 conflicting=0", learner.importPackage(apkg).summary());
        assertEquals(notes, learner.count("notes"));
        assertEquals(2L * notes, learner.count("cards"));
        assertEquals(List.of("Default", deckName), learner.deckNames());
        assertEquals(List.of((long) 2 * notes), learner.column(
                "SELECT count(*) FROM cards c JOIN decks d ON c.did = d.id WHERE d.name COLLATE BINARY = '" + deckName + "'")
                .stream().map(v -> ((Number) v).longValue()).toList());
        if (tagsInOrder != null) {
            assertEquals(tagsInOrder, learner.column("SELECT tags FROM notes ORDER BY id"));
        }
        assertEquals(List.of(), learner.checkDatabase(), "Check Database has nothing to fix");
        assertEquals("new=0 updated=0 duplicate=" + notes + " conflicting=0", learner.importPackage(apkg).summary());
        assertEquals(notes, learner.count("notes"));
        assertEquals(2L * notes, learner.count("cards"));
    }

    @Test
    void theVirtualizationAndCloudDeckBuilds() throws Exception {
        MavenRun run = MavenRun.run(MavenRun.copyProject(MavenRun.repoRoot().resolve("source-cards"), "source-cards"), "package");
        assertEquals(0, run.exitCode, run.log());
        assertEquals(List.of(
                "[INFO] Checked 1 card file: 20 notes, 40 cards, no problems",
                "[INFO] Wrote target/virtualization-and-cloud-" + MavenRun.pluginVersion()
                        + ".apkg (\"Virtualization and Cloud\") from 1 card file: 20 notes, 40 cards, no problems"),
                summaryLines(run));
        Path apkg = run.project.resolve("target/virtualization-and-cloud-" + MavenRun.pluginVersion() + ".apkg");
        try (ApkgContents contents = new ApkgContents(apkg, scratch)) {
            assertEquals(20L, ((Number) contents.single("SELECT count(*) FROM notes")).longValue());
            assertEquals(40L, ((Number) contents.single("SELECT count(*) FROM cards")).longValue());
            assertEquals(0L, ((Number) contents.single("SELECT count(*) FROM notes WHERE tags = ''")).longValue(),
                    "every card is tagged by topic");
            assertTrue(contents.colJson("decks").toString().contains("\"name\":\"Virtualization and Cloud\""));
        }
        assertImportsIntoAnki(apkg, "Virtualization and Cloud", 20, null);
    }

    @Test
    void theRawSeedFailsTheCheckNamingEveryDuplicateGroup() throws Exception {
        MavenRun run = MavenRun.run(MavenRun.copyProject(MavenRun.repoRoot().resolve("plugin/src/it-projects/raw-seed"), "raw-seed"),
                "package");
        assertEquals(1, run.exitCode, run.log());
        assertEquals(List.of(
                failurePrefix("check", "default", "raw-seed") + "anki:check found 4 errors in 1 file:",
                "[ERROR] src/main/anki/raw-seed.csv:8: duplicate term \"paravirtualization\": 2 notes at"
                        + " src/main/anki/raw-seed.csv:8, 9; merge them into one note",
                "[ERROR] src/main/anki/raw-seed.csv:21: duplicate term \"World switch\": 2 notes at"
                        + " src/main/anki/raw-seed.csv:21, 22; merge them into one note",
                "[ERROR] src/main/anki/raw-seed.csv:23: duplicate term \"ESX server\": 2 notes at"
                        + " src/main/anki/raw-seed.csv:23, 24; merge them into one note",
                "[ERROR] src/main/anki/raw-seed.csv:30: duplicate term \"UMA with bus-based architecture\": 2 notes at"
                        + " src/main/anki/raw-seed.csv:30, 32; merge them into one note",
                "[ERROR] -> [Help 1]"),
                run.linesStartingWith("[ERROR]").subList(0, 6));
        assertTrue(run.lines.stream().noneMatch(l -> l.startsWith("\tat ") || l.startsWith("Caused by")), "no stack trace");
        assertFalse(Files.exists(run.project.resolve("target/raw-seed-1.0.apkg")));
    }

    @Test
    void everyProblemOfEveryFileIsReportedInOneRun() throws Exception {
        MavenRun run = MavenRun.run(MavenRun.copyProject(MavenRun.repoRoot().resolve("plugin/src/it-projects/malformed"), "malformed"),
                "package");
        assertEquals(1, run.exitCode, run.log());
        assertEquals(List.of(
                failurePrefix("check", "default", "malformed") + "anki:check found 6 errors in 3 files:",
                "[ERROR] src/main/anki/a-broken.csv:2: duplicate term \"fine\": 2 notes at src/main/anki/a-broken.csv:2,"
                        + " src/main/anki/more/c.csv:3; merge them into one note",
                "[ERROR] src/main/anki/a-broken.csv:3: unterminated quoted cell: a cell that starts with \" must end with \""
                        + " (write a quote inside a quoted cell as \"\")",
                "[ERROR] src/main/anki/b-header.csv:1: unknown column \"Definiton\" (column 2); expected columns: Term,"
                        + " Definition, tags, guid, deck",
                "[ERROR] src/main/anki/more/c.csv:2: bytes that are not valid UTF-8; save the file as UTF-8 or set"
                        + " <encoding> to the file's encoding",
                "[ERROR] src/main/anki/more/c.csv:3: tag \"bad::::tag\" has an empty level (\"::\" at the start or end, or"
                        + " \"::::\"), which Anki renames to \"blank\"",
                "[ERROR] src/main/anki/more/c.csv:4: row has 4 cells but the header has 3 columns; quote cells that contain"
                        + " the separator, a quote or a line break (\"like, this\")"),
                run.linesStartingWith("[ERROR]").subList(0, 7));
    }

    @Test
    void aFailedBuildRemovesThePackageOfAnEarlierBuild() throws Exception {
        Path project = MavenRun.copyProject(MavenRun.repoRoot().resolve("examples/minimal"), "minimal-stale");
        assertEquals(0, MavenRun.run(project, "package").exitCode);
        Path apkg = project.resolve("target/minimal-1.0.0.apkg");
        assertTrue(Files.exists(apkg));
        Files.writeString(project.resolve("src/main/anki/cards.csv"), "Term,Definition\nsame,one\nSame,two\n");
        MavenRun failed = MavenRun.run(project, "anki:package");
        assertEquals(1, failed.exitCode, failed.log());
        assertEquals(List.of(
                failurePrefix("package", "default-cli", "minimal") + "anki:package found 1 error in 1 file:",
                "[ERROR] src/main/anki/cards.csv:2: duplicate term \"same\": 2 notes at src/main/anki/cards.csv:2, 3; merge"
                        + " them into one note"),
                failed.linesStartingWith("[ERROR]").subList(0, 2));
        assertFalse(Files.exists(apkg), "the stale package is gone");
    }

    @Test
    void skipSaysWhyAndDoesNothing() throws Exception {
        MavenRun run = MavenRun.run(MavenRun.copyProject(MavenRun.repoRoot().resolve("plugin/src/it-projects/raw-seed"), "skip"),
                "package", "-Danki.skip");
        assertEquals(0, run.exitCode, run.log());
        assertEquals(List.of("[INFO] Skipping anki:check: anki.skip is true", "[INFO] Skipping anki:package: anki.skip is true"),
                run.linesStartingWith("[INFO] Skipping"));
    }

    @Test
    void installPublishesThePackageAsAnApkgArtifact() throws Exception {
        MavenRun run = MavenRun.run(MavenRun.copyProject(MavenRun.repoRoot().resolve("examples/minimal"), "minimal-install"), "install");
        assertEquals(0, run.exitCode, run.log());
        Path installed = Path.of(System.getProperty("it.repo"), "com/example/decks/minimal/1.0.0/minimal-1.0.0.apkg");
        assertTrue(Files.exists(installed), installed.toString());
        assertEquals(Files.size(run.project.resolve("target/minimal-1.0.0.apkg")), Files.size(installed));
    }
}
