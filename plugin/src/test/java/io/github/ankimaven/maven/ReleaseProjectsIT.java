package io.github.ankimaven.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.ankimaven.testsupport.MavenRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** Real Maven builds of successive releases: previous release from the repository, incremental builds, time zones. */
class ReleaseProjectsIT {

    private static Path minimal(String name) throws Exception {
        return MavenRun.copyProject(MavenRun.repoRoot().resolve("examples/minimal"), name);
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void aSecondReleaseComparesWithTheFirstResolvedFromTheRepository() throws Exception {
        Path project = minimal("release-upgrade");
        assertEquals(0, MavenRun.run(project, "install").exitCode);
        Path installedNotes = Path.of(System.getProperty("it.repo"),
                "com/example/decks/minimal/1.0.0/minimal-1.0.0-release-notes.md");
        assertTrue(Files.exists(installedNotes), "release notes are published with the package");

        Path pom = project.resolve("pom.xml");
        Files.writeString(pom, Files.readString(pom).replace("<version>1.0.0</version>", "<version>1.1.0</version>")
                .replace("2026-11-25T00:00:00Z", "2026-12-25T00:00:00Z"));
        Path cards = project.resolve("src/main/anki/cards.csv");
        Files.writeString(cards, Files.readString(cards).replace("at one point in time.", "at one moment.")
                + "Live migration,Moving a running virtual machine to another host.,virtualization\n");
        MavenRun run = MavenRun.run(project, "package", "-Danki.previousRelease=com.example.decks:minimal:1.0.0");
        assertEquals(0, run.exitCode, run.log());
        assertEquals(List.of("[INFO] Compared with minimal-1.0.0.apkg: 1 added, 1 changed, 0 removed, 2 unchanged; release notes"
                + " in target/minimal-1.1.0-release-notes.md"), run.linesStartingWith("[INFO] Compared"));
        String notes = Files.readString(project.resolve("target/minimal-1.1.0-release-notes.md"));
        assertTrue(notes.contains("## Added (1)\n\n- **Live migration**\n"), notes);
        assertTrue(notes.contains("## Changed (1)\n\n- **Snapshot**: Definition\n"), notes);
    }

    @Test
    void theReleaseGatesFindingsReachTheCheckReports() throws Exception {
        Path project = minimal("release-gate-reports");
        assertEquals(0, MavenRun.run(project, "package").exitCode);
        Path previous = Files.copy(project.resolve("target/minimal-1.0.0.apkg"), project.resolve("minimal-1.0.0.apkg"));
        Path cards = project.resolve("src/main/anki/cards.csv");
        Files.writeString(cards, Files.readString(cards).replace("Hypervisor,", "Hypervisors,"));
        MavenRun run = MavenRun.run(project, "package", "-Danki.previousRelease=" + previous.getFileName(),
                "-Dproject.build.outputTimestamp=2026-12-25T00:00:00Z");
        assertEquals(1, run.exitCode, run.log());
        String sarif = Files.readString(project.resolve("target/anki-check.sarif"));
        assertTrue(sarif.contains("\"ruleId\": \"renamed-note\""), sarif);
        String junit = Files.readString(project.resolve("target/TEST-anki-check.xml"));
        assertTrue(junit.contains("looks like &quot;Hypervisor&quot;") || junit.contains("looks like \"Hypervisor\""), junit);
    }

    @Test
    void anUnchangedDeckIsNotRebuiltUntilSomethingChanges() throws Exception {
        Path project = minimal("incremental");
        MavenRun first = MavenRun.run(project, "package");
        assertEquals(0, first.exitCode, first.log());
        assertEquals(List.of("[INFO] No previous release to compare with (<previousRelease>): every note gets this build's"
                + " timestamp, so learners who imported an earlier release get every note updated, replacing their own edits."
                + " Fine for a first release."), first.linesStartingWith("[INFO] No previous release"));
        MavenRun second = MavenRun.run(project, "package");
        assertEquals(List.of("[INFO] Skipping anki:package: target/minimal-1.0.0.apkg is up to date (nothing it depends on"
                + " changed; -Danki.forceCreation rebuilds it)"), second.linesStartingWith("[INFO] Skipping"));
        assertEquals(List.of(), second.linesStartingWith("[INFO] Wrote"));
        assertEquals(1, MavenRun.run(project, "package", "-Danki.forceCreation").linesStartingWith("[INFO] Wrote").size());
        Files.writeString(project.resolve("target/anki-maven-plugin/minimal-1.0.0.fingerprint"), "\u0000garbage");
        assertEquals(1, MavenRun.run(project, "package").linesStartingWith("[INFO] Wrote").size(),
                "a broken fingerprint means rebuild, never a failure");
        Files.writeString(project.resolve("src/main/anki/cards.csv"), "\nExtra,one more note,\n",
                java.nio.file.StandardOpenOption.APPEND);
        MavenRun changed = MavenRun.run(project, "package");
        assertEquals(List.of(), changed.linesStartingWith("[INFO] Skipping"));
        assertEquals(1, changed.linesStartingWith("[INFO] Wrote").size());
    }

    @Test
    void aPackageInAnotherOutputDirectoryIsNotTakenForUpToDate() throws Exception {
        Path project = minimal("incremental-output");
        assertEquals(0, MavenRun.run(project, "package").exitCode);
        assertEquals(1, MavenRun.run(project, "package", "-Danki.outputDirectory=target/dist").linesStartingWith("[INFO] Wrote").size());
        Path cards = project.resolve("src/main/anki/cards.csv");
        Files.writeString(cards, Files.readString(cards) + "Live migration,Moving a running virtual machine to another host.,\n");
        assertEquals(1, MavenRun.run(project, "package").linesStartingWith("[INFO] Wrote").size());
        MavenRun dist = MavenRun.run(project, "package", "-Danki.outputDirectory=target/dist");
        assertEquals(List.of(), dist.linesStartingWith("[INFO] Skipping"), "dist still holds the package of the old cards");
        assertEquals(List.of("[INFO] Wrote target/dist/minimal-1.0.0.apkg (\"Minimal Example Deck\") from 1 card file: 4 notes, 8 cards,"
                + " no problems"), dist.linesStartingWith("[INFO] Wrote"));
    }

    @Test
    void aBuildThatFailsBeforeWritingLeavesNoEarlierPackage() throws Exception {
        Path project = minimal("failed-before-writing");
        assertEquals(0, MavenRun.run(project, "package").exitCode);
        MavenRun failed = MavenRun.run(project, "package", "-Danki.previousRelease=com.example.decks:minimal:0.9.0");
        assertEquals(1, failed.exitCode, failed.log());
        assertTrue(failed.log().contains("<previousRelease> com.example.decks:minimal:0.9.0 cannot be resolved"), failed.log());
        for (String left : List.of("target/minimal-1.0.0.apkg", "target/minimal-1.0.0-release-notes.md",
                "target/anki-maven-plugin/minimal-1.0.0.fingerprint")) {
            assertFalse(Files.exists(project.resolve(left)), left + " would look like this build's output");
        }
    }

    @Test
    void aChangedMediaFileIsRebuiltNotSkipped() throws Exception {
        Path project = MavenRun.copyProject(MavenRun.repoRoot().resolve("examples/media"), "incremental-media");
        assertEquals(0, MavenRun.run(project, "package").exitCode);
        Path image = project.resolve("src/main/anki/media/client-server.svg");
        byte[] redrawn = "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>redrawn</text></svg>\n".getBytes(StandardCharsets.UTF_8);
        Files.write(image, redrawn);
        MavenRun changed = MavenRun.run(project, "package");
        assertEquals(0, changed.exitCode, changed.log());
        assertEquals(List.of(), changed.linesStartingWith("[INFO] Skipping"), "a media file is an input of the package");
        assertEquals(1, changed.linesStartingWith("[INFO] Wrote").size());
        assertEquals(new String(redrawn, StandardCharsets.UTF_8),
                packedMedia(project.resolve("target/media-1.0.0.apkg"), "client-server.svg"), "the package holds the new file");
        assertEquals(List.of("[INFO] Skipping anki:package: target/media-1.0.0.apkg is up to date (nothing it depends on"
                + " changed; -Danki.forceCreation rebuilds it)"), MavenRun.run(project, "package").linesStartingWith("[INFO] Skipping"));
    }

    /** A media file as packed: the zip entry the package's media map names for it. */
    private static String packedMedia(Path apkg, String name) throws Exception {
        try (ZipFile zip = new ZipFile(apkg.toFile())) {
            Map<String, String> media;
            try (var in = zip.getInputStream(zip.getEntry("media"))) {
                media = new ObjectMapper().readValue(in, new TypeReference<Map<String, String>>() {});
            }
            String entry = media.entrySet().stream().filter(e -> e.getValue().equals(name)).findFirst().orElseThrow().getKey();
            try (var in = zip.getInputStream(zip.getEntry(entry))) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    @Test
    void buildsInDifferentTimeZonesGiveTheSameBytes() throws Exception {
        Path tokyo = minimal("tz-tokyo");
        Path newYork = minimal("tz-new-york");
        assertEquals(0, MavenRun.run(tokyo, Map.of("TZ", "Asia/Tokyo", "MAVEN_OPTS", "-Duser.timezone=Asia/Tokyo"), "package")
                .exitCode);
        assertEquals(0, MavenRun.run(newYork, Map.of("TZ", "America/New_York", "MAVEN_OPTS",
                "-Duser.timezone=America/New_York"), "package").exitCode);
        String a = sha256(tokyo.resolve("target/minimal-1.0.0.apkg"));
        assertEquals(a, sha256(newYork.resolve("target/minimal-1.0.0.apkg")));
        assertNotEquals("", a);
    }
}
