package io.github.ankimaven.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ankimaven.core.apkg.PackageWriter;
import io.github.ankimaven.testsupport.ApkgContents;
import io.github.ankimaven.testsupport.MavenRun;
import io.github.ankimaven.testsupport.anki.AnkiCollection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
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

    /** Anki 2.1.66 stores a deck's description inside a protobuf blob; the HTML is its only long string. */
    private static String descriptionOf(String blob) {
        int start = blob.indexOf("<p>");
        int end = blob.lastIndexOf("</ul>");
        return start < 0 || end < 0 ? blob : blob.substring(start, end + "</ul>".length());
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
                "[INFO] Checked 1 card file: 20 notes, 40 cards, 1 media file, no problems",
                "[INFO] Wrote target/virtualization-and-cloud-" + MavenRun.pluginVersion()
                        + ".apkg (\"Virtualization and Cloud\") from 1 card file: 20 notes, 40 cards, 1 media file, no problems"),
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
        assertTrue(Files.exists(scratch.resolve("learner-" + apkg.getFileName() + "/collection.media/hypervisor-types.svg")),
                "the diagram arrives with the cards that show it");
    }

    @Test
    void theMediaExamplePacksItsPictureAndSoundAndAnkiImportsThem() throws Exception {
        MavenRun run = MavenRun.run(MavenRun.copyProject(MavenRun.repoRoot().resolve("examples/media"), "media"), "package");
        assertEquals(0, run.exitCode, run.log());
        assertEquals(List.of("[INFO] Checked 1 card file: 2 notes, 4 cards, 2 media files, no problems",
                "[INFO] Wrote target/media-1.0.0.apkg (\"Media Example Deck\") from 1 card file: 2 notes, 4 cards, 2 media files,"
                        + " no problems"), summaryLines(run));
        Path apkg = run.project.resolve("target/media-1.0.0.apkg");
        AnkiCollection learner = new AnkiCollection(scratch.resolve("learner-media"));
        assertEquals("new=2 updated=0 duplicate=0 conflicting=0", learner.importPackage(apkg).summary());
        Path mediaFolder = scratch.resolve("learner-media/collection.media");
        for (String file : List.of("client-server.svg", "ping.wav")) {
            assertEquals(Files.size(run.project.resolve("src/main/anki/media/" + file)), Files.size(mediaFolder.resolve(file)),
                    file + " arrived in the learner's media folder");
        }
        assertEquals(List.of("<p>One side asks, the other answers:</p>\n<p><img src=\"client-server.svg\" alt=\"A client sends a"
                + " request; the server sends a response\"></p>"), learner.column(
                "SELECT substr(flds, instr(flds, char(31)) + 1) FROM notes WHERE sfld LIKE 'Client%'"));
        assertEquals(List.of(), learner.checkDatabase());
    }

    @Test
    void theMultiDeckExampleBuildsTwoPackagesWithSubdecks() throws Exception {
        MavenRun run = MavenRun.run(MavenRun.copyProject(MavenRun.repoRoot().resolve("examples/multi-deck"), "multi-deck"), "install");
        assertEquals(0, run.exitCode, run.log());
        assertEquals(List.of(
                "[INFO] Checked \"Spanish Verbs\": 2 card files: 4 notes, 8 cards, no problems",
                "[INFO] Checked \"Cloud Basics\": 1 card file: 3 notes, 6 cards, no problems",
                "[INFO] Wrote target/multi-deck-1.0.0-verbs.apkg (\"Spanish Verbs\") from 2 card files: 4 notes, 8 cards, no problems",
                "[INFO] Wrote target/multi-deck-1.0.0-cloud.apkg (\"Cloud Basics\") from 1 card file: 3 notes, 6 cards, no problems"),
                summaryLines(run));
        for (String classifier : List.of("verbs", "cloud")) {
            assertTrue(Files.exists(Path.of(System.getProperty("it.repo"), "com/example/decks/multi-deck/1.0.0/multi-deck-1.0.0-"
                    + classifier + ".apkg")), classifier + " package installed with its classifier");
        }
        AnkiCollection learner = new AnkiCollection(scratch.resolve("learner-multi"));
        learner.importPackage(run.project.resolve("target/multi-deck-1.0.0-verbs.apkg"));
        learner.importPackage(run.project.resolve("target/multi-deck-1.0.0-cloud.apkg"));
        assertEquals(List.of("Cloud Basics", "Cloud Basics::Characteristics", "Cloud Basics::Service models", "Default",
                "Spanish Verbs", "Spanish Verbs::-ar verbs", "Spanish Verbs::-er verbs"), learner.deckNames());
        assertEquals(List.of("<p>Spanish verbs, one card each way. Subdecks group them by <strong>ending</strong>:</p>\n<ul>\n"
                + "<li><em>-ar</em> verbs</li>\n<li><em>-er</em> verbs</li>\n</ul>"),
                learner.column("SELECT kind FROM decks WHERE name COLLATE BINARY = 'Spanish Verbs'").stream()
                        .map(v -> v == null ? null : new String((byte[]) v, java.nio.charset.StandardCharsets.UTF_8)).toList()
                        .stream().map(DeckProjectsIT::descriptionOf).toList());
        assertEquals(List.of("Elasticity\u001f<p>The platform <strong>grows and shrinks</strong> with demand:</p>\n<ul>\n<li>scale"
                + " <em>out</em> when load rises</li>\n<li>scale <em>in</em> when it falls</li>\n</ul>"),
                learner.column("SELECT flds FROM notes WHERE sfld = 'Elasticity'"));
    }

    @Test
    void aDeckWithoutADescriptionOfItsOwnTakesThePluginsDescriptionFile() throws Exception {
        assertEquals("Shared <em>about</em> text.", sharedDescriptionExample("shared-description-file",
                "<descriptionFile>src/main/anki/about.md</descriptionFile>"));
    }

    @Test
    void aDeckWithoutADescriptionOfItsOwnTakesThePluginsDescription() throws Exception {
        assertEquals("Shared plain text.", sharedDescriptionExample("shared-description", "<description>Shared plain text.</description>"));
    }

    /**
     * The multi-deck example with the cloud deck's own description replaced by {@code pluginDescription}
     * at plugin level: checks that the verbs deck keeps its description.md, and returns the cloud deck's.
     */
    private String sharedDescriptionExample(String name, String pluginDescription) throws Exception {
        Path project = MavenRun.copyProject(MavenRun.repoRoot().resolve("examples/multi-deck"), "multi-deck-" + name);
        Path pom = project.resolve("pom.xml");
        Files.writeString(pom, Files.readString(pom)
                .replace("<description>What the cloud offers and how it is sold.</description>", "")
                .replace("<decks>", pluginDescription + "\n          <decks>"));
        Files.writeString(project.resolve("src/main/anki/about.md"), "Shared *about* text.\n");
        MavenRun run = MavenRun.run(project, "package");
        assertEquals(0, run.exitCode, run.log());
        Map<String, String> descriptions = new java.util.TreeMap<>();
        for (String classifier : List.of("verbs", "cloud")) {
            try (ApkgContents apkg = new ApkgContents(project.resolve("target/multi-deck-1.0.0-" + classifier + ".apkg"), scratch)) {
                apkg.colJson("decks").forEach(deck -> {
                    if (!deck.get("name").asText().equals("Default") && !deck.get("name").asText().contains("::")) {
                        descriptions.put(deck.get("name").asText(), deck.get("desc").asText());
                    }
                });
            }
        }
        assertEquals("<p>Spanish verbs, one card each way. Subdecks group them by <strong>ending</strong>:</p>\n<ul>\n"
                        + "<li><em>-ar</em> verbs</li>\n<li><em>-er</em> verbs</li>\n</ul>", descriptions.get("Spanish Verbs"),
                "the deck with a description.md of its own keeps it");
        return descriptions.get("Cloud Basics");
    }

    @Test
    void aMediaFolderLargerThanTheHeapIsStreamed() throws Exception {
        Path project = MavenRun.copyProject(MavenRun.repoRoot().resolve("examples/media"), "media-large");
        java.util.Random random = new java.util.Random(42);
        byte[] block = new byte[1 << 20];
        for (int file = 0; file < 7; file++) {
            try (var out = Files.newOutputStream(project.resolve("src/main/anki/media/_bulk-" + file + ".bin"))) {
                for (int mb = 0; mb < 10; mb++) {
                    random.nextBytes(block);
                    out.write(block);
                }
            }
        }
        MavenRun run = MavenRun.run(project, java.util.Map.of("MAVEN_OPTS", "-Xmx64m"), "package");
        assertEquals(0, run.exitCode, run.log());
        Path apkg = project.resolve("target/media-1.0.0.apkg");
        assertTrue(Files.size(apkg) > 70L * 1024 * 1024, "70 MB of media packed with a 64 MB heap: " + Files.size(apkg));
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(apkg.toFile())) {
            assertEquals(11, zip.size(), "collection, 9 media files, media map");
        }
    }

    /** A note type example: built by Maven, imported by Anki 2.1.66 with exactly the expected cards and names. */
    private void assertNoteTypeExample(String example, int notes, int cards, String noteTypeName, List<String> fields,
            List<String> templates) throws Exception {
        MavenRun run = MavenRun.run(MavenRun.copyProject(MavenRun.repoRoot().resolve("examples/" + example), example), "package");
        assertEquals(0, run.exitCode, run.log());
        Path apkg = run.project.resolve("target/" + example + "-1.0.0.apkg");
        AnkiCollection learner = new AnkiCollection(scratch.resolve("learner-" + example));
        assertEquals("new=" + notes + " updated=0 duplicate=0 conflicting=0", learner.importPackage(apkg).summary());
        assertEquals(cards, learner.count("cards"));
        assertEquals(List.of(noteTypeName), learner.column("SELECT name FROM notetypes WHERE id IN (SELECT mid FROM notes)")
                .stream().map(String::valueOf).toList());
        assertEquals(fields, learner.column("SELECT f.name FROM fields f JOIN notetypes t ON t.id = f.ntid WHERE t.id IN"
                + " (SELECT mid FROM notes) ORDER BY f.ord").stream().map(String::valueOf).toList());
        assertEquals(templates, learner.column("SELECT p.name FROM templates p JOIN notetypes t ON t.id = p.ntid WHERE t.id IN"
                + " (SELECT mid FROM notes) ORDER BY p.ord").stream().map(String::valueOf).toList());
        assertEquals(List.of(), learner.checkDatabase(), "Check Database has nothing to fix");
        assertEquals(cards, learner.count("cards"), "and no card to add or remove");
    }

    @Test
    void theClozeExampleMakesOneCardPerClozeNumber() throws Exception {
        assertNoteTypeExample("cloze", 3, 6, "Cloze (Cloze Example Deck)", List.of("Text", "Back Extra"), List.of("Cloze"));
    }

    @Test
    void theTypeInAnswerExampleMakesOneCardPerNote() throws Exception {
        assertNoteTypeExample("type-in-answer", 3, 3, "Basic (type in the answer) (Type-in-answer Example Deck)",
                List.of("Front", "Back"), List.of("Card 1"));
    }

    @Test
    void theCustomNoteTypeExampleHasItsFieldsTemplatesAndStylingAsset() throws Exception {
        assertNoteTypeExample("custom-note-type", 3, 6, "Vocabulary", List.of("Word", "Meaning", "Example"),
                List.of("Recognition", "Production"));
        assertTrue(Files.exists(scratch.resolve("learner-custom-note-type/collection.media/_paper.svg")),
                "the _ asset used by the styling arrives");
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

        var sarif = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.project.resolve("target/anki-check.sarif").toFile());
        var results = sarif.get("runs").get(0).get("results");
        assertEquals(4, results.size());
        List<String> located = new java.util.ArrayList<>();
        for (var result : results) {
            var location = result.get("locations").get(0).get("physicalLocation");
            String uri = location.get("artifactLocation").get("uri").asText();
            assertTrue(uri.endsWith("src/main/anki/raw-seed.csv"), uri);
            located.add(result.get("ruleId").asText() + " " + result.get("level").asText() + " line "
                    + location.get("region").get("startLine").asInt());
        }
        assertEquals(List.of("duplicate-term error line 8", "duplicate-term error line 21", "duplicate-term error line 23",
                "duplicate-term error line 30"), located, "SARIF names each finding's file, line and rule");
        String junit = Files.readString(run.project.resolve("target/TEST-anki-check.xml"));
        assertTrue(junit.contains("tests=\"1\"") && junit.contains("failures=\"1\""), junit);

        MavenRun misconfigured = MavenRun.run(run.project, "package", "-Danki.format=markdwn");
        assertEquals(1, misconfigured.exitCode, misconfigured.log());
        for (String report : List.of("target/anki-check.sarif", "target/TEST-anki-check.xml")) {
            assertFalse(Files.exists(run.project.resolve(report)), report + " of the earlier run would pass for this run's");
        }
    }

    @Test
    void everyProblemOfEveryFileIsReportedInOneRun() throws Exception {
        MavenRun run = MavenRun.run(MavenRun.copyProject(MavenRun.repoRoot().resolve("plugin/src/it-projects/malformed"), "malformed"),
                "package");
        assertEquals(1, run.exitCode, run.log());
        assertEquals(List.of(
                failurePrefix("check", "default", "malformed") + "anki:check found 8 errors in 4 files:",
                "[ERROR] src/main/anki/a-broken.csv:2: duplicate term \"fine\": 2 notes at src/main/anki/a-broken.csv:2,"
                        + " src/main/anki/more/c.csv:3; merge them into one note",
                "[ERROR] src/main/anki/a-broken.csv:3: unterminated quoted cell: a cell that starts with \" must end with \""
                        + " (write a quote inside a quoted cell as \"\")",
                "[ERROR] src/main/anki/b-header.csv:1: unknown column \"Definiton\" (column 2); expected columns: Term,"
                        + " Definition, tags, guid, deck",
                "[ERROR] src/main/anki/d-quote.csv:2: text after a closing quote: a quoted cell must end right after its"
                        + " closing \" (write a quote inside a quoted cell as \"\")",
                "[ERROR] src/main/anki/d-quote.csv:3: row has 3 cells but the header has 2 columns; quote cells that contain"
                        + " the separator, a quote or a line break (\"like, this\")",
                "[ERROR] src/main/anki/more/c.csv:2: bytes that are not valid UTF-8; save the file as UTF-8 or set"
                        + " <encoding> to the file's encoding",
                "[ERROR] src/main/anki/more/c.csv:3: tag \"bad::::tag\" has an empty level (\"::\" at the start or end, or"
                        + " \"::::\"), which Anki renames to \"blank\"",
                "[ERROR] src/main/anki/more/c.csv:4: row has 4 cells but the header has 3 columns; quote cells that contain"
                        + " the separator, a quote or a line break (\"like, this\")"),
                run.linesStartingWith("[ERROR]").subList(0, 9));
    }

    @Test
    void twoDecksThatShipDifferentFilesUnderOneUnderscoredNameFailTheBuild() throws Exception {
        Path project = MavenRun.copyProject(MavenRun.repoRoot().resolve("examples/multi-deck"), "multi-deck-static-conflict");
        Files.createDirectories(project.resolve("src/main/anki/verbs/media"));
        Files.createDirectories(project.resolve("src/main/anki/cloud/media"));
        Files.writeString(project.resolve("src/main/anki/verbs/media/_deck.css"), ".card { color: navy; }\n");
        Files.writeString(project.resolve("src/main/anki/cloud/media/_deck.css"), ".card { color: teal; }\n");
        MavenRun run = MavenRun.run(project, "package");
        assertEquals(1, run.exitCode, run.log());
        String rest = " in this build, and a learner's Anki keeps the first \"_deck.css\" it imports and ignores the other, so"
                + " one deck would show the other's file: give each deck's file a name of its own (with the deck's name in it, say),"
                + " or make the two files the same";
        assertEquals(List.of(
                failurePrefix("check", "default", "multi-deck") + "anki:check found 2 errors in 2 files:",
                "[ERROR] src/main/anki/verbs/media/_deck.css:1: media file \"_deck.css\" differs from"
                        + " src/main/anki/cloud/media/_deck.css of the deck \"Cloud Basics\"" + rest,
                "[ERROR] src/main/anki/cloud/media/_deck.css:1: media file \"_deck.css\" differs from"
                        + " src/main/anki/verbs/media/_deck.css of the deck \"Spanish Verbs\"" + rest),
                run.linesStartingWith("[ERROR]").subList(0, 3));
        Files.writeString(project.resolve("src/main/anki/cloud/media/_deck.css"), ".card { color: navy; }\n");
        MavenRun fixed = MavenRun.run(project, "package");
        assertEquals(0, fixed.exitCode, fixed.log());
    }

    @Test
    void rulesChangeTheSeverityOfAChecksFindings() throws Exception {
        Path project = MavenRun.copyProject(MavenRun.repoRoot().resolve("examples/minimal"), "minimal-rules");
        Path pom = project.resolve("pom.xml");
        Files.writeString(pom, Files.readString(pom).replace("<executions>",
                "<configuration><rules><media-unused>error</media-unused></rules></configuration>\n        <executions>"));
        Files.createDirectories(project.resolve("src/main/anki/media"));
        Files.write(project.resolve("src/main/anki/media/old.png"), new byte[] {1});
        MavenRun strict = MavenRun.run(project, "package");
        assertEquals(1, strict.exitCode, strict.log());
        assertEquals(List.of(failurePrefix("check", "default", "minimal") + "anki:check found 1 error in 1 file:",
                "[ERROR] src/main/anki/media/old.png:1: media file \"old.png\" is not referenced by any field, template, styling or"
                        + " description, so it is not packed: delete it, refer to it, or start its name with \"_\" to pack it anyway"),
                strict.linesStartingWith("[ERROR]").subList(0, 2));

        Files.writeString(pom, Files.readString(pom).replace("<media-unused>error</media-unused>",
                "<duplicate-guid>warning</duplicate-guid>"));
        MavenRun refused = MavenRun.run(project, "package");
        assertEquals(1, refused.exitCode, refused.log());
        assertTrue(refused.linesStartingWith("[ERROR]").get(0).startsWith(failurePrefix("check", "default", "minimal")
                + "anki:check: <rules>: \"duplicate-guid\" cannot be a warning: its errors make a package that Anki imports"),
                refused.log());
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
    void aFailedMvnPackageRemovesThePackageOfAnEarlierBuildThoughTheCheckStopsItFirst() throws Exception {
        Path project = MavenRun.copyProject(MavenRun.repoRoot().resolve("examples/minimal"), "minimal-stale-check");
        BuildOutputs outputs = builtOnce(project);
        Files.writeString(project.resolve("src/main/anki/cards.csv"), "Term,Definition\nsame,one\nSame,two\n");
        MavenRun failed = MavenRun.run(project, "package");
        assertEquals(1, failed.exitCode, failed.log());
        assertEquals(failurePrefix("check", "default", "minimal") + "anki:check found 1 error in 1 file:",
                failed.linesStartingWith("[ERROR]").get(0));
        assertFalse(outputs.anyExists(), "anki:check, which stops the build in validate, removes what the earlier anki:package wrote");
    }

    /** What a successful anki:package of examples/minimal writes, which a failed build must remove. */
    private record BuildOutputs(List<Path> files) {
        boolean anyExists() {
            return files.stream().anyMatch(Files::exists);
        }
    }

    private static BuildOutputs builtOnce(Path project) throws Exception {
        assertEquals(0, MavenRun.run(project, "package").exitCode);
        BuildOutputs outputs = new BuildOutputs(List.of(project.resolve("target/minimal-1.0.0.apkg"),
                project.resolve("target/minimal-1.0.0-release-notes.md"),
                project.resolve("target/anki-maven-plugin/minimal-1.0.0.fingerprint")));
        assertTrue(outputs.files().stream().allMatch(Files::exists));
        return outputs;
    }

    @Test
    void aConfigurationErrorAlsoRemovesThePackageOfAnEarlierBuildAndAFailingCheckWritesThePreview() throws Exception {
        Path project = MavenRun.copyProject(MavenRun.repoRoot().resolve("examples/minimal"), "minimal-stale-config");
        BuildOutputs outputs = builtOnce(project);
        Path keptRelease = Files.copy(project.resolve("target/minimal-1.0.0.apkg"), project.resolve("target/minimal-1.0.0-released.apkg"));
        MavenRun misconfigured = MavenRun.run(project, "package", "-Danki.encoding=NO-SUCH-ENCODING");
        assertEquals(1, misconfigured.exitCode, misconfigured.log());
        assertFalse(outputs.anyExists(), "a configuration error leaves no earlier package looking current either");
        assertTrue(Files.exists(keptRelease), "a file that only starts with the package's name is not the package");

        Files.writeString(project.resolve("src/main/anki/cards.csv"), "Term,Definition\nsame,one\nSame,two\n");
        MavenRun failed = MavenRun.run(project, "package", "-Danki.preview");
        assertEquals(1, failed.exitCode, failed.log());
        assertEquals(List.of("[INFO] Wrote the preview of 4 cards (with 1 error and 0 warnings beside their cards): open"
                + " target/anki-preview/index.html in a browser"), failed.linesStartingWith("[INFO] Wrote the preview"));
        assertTrue(Files.readString(project.resolve("target/anki-preview/index.html")).contains("duplicate term"),
                "the check, which stops the build before anki:package, writes the preview of the failing build");
    }

    @Test
    void mvnPackageListsEachWarningOnce() throws Exception {
        Path project = MavenRun.copyProject(MavenRun.repoRoot().resolve("examples/minimal"), "minimal-warnings");
        Files.writeString(project.resolve("src/main/anki/cards.csv"), "Term,Definition\nHypervisor,runs VMs\nVMM,\n");
        Files.writeString(project.resolve("src/main/anki/more-cards.xlsx"), "PK");
        MavenRun run = MavenRun.run(project, "package");
        assertEquals(0, run.exitCode, run.log());
        assertEquals(List.of("[WARNING] src/main/anki/cards.csv:3: no \"Definition \u2192 Term\" card: Definition is empty",
                "[WARNING] src/main/anki/more-cards.xlsx: a spreadsheet is not read, so its cards are not in the deck: save it"
                        + " as CSV UTF-8 next to it (Excel: Save As > CSV UTF-8; LibreOffice: Save As > Text CSV, UTF-8), or list"
                        + " it in <excludes>",
                "[WARNING] 2 warnings, as listed above"), run.linesStartingWith("[WARNING]"),
                "anki:check lists them; anki:package, which finds the same, says so in one line");
    }

    @Test
    void whenOneDeckOfSeveralFailsNoneLeavesAPackage() throws Exception {
        Path project = MavenRun.copyProject(MavenRun.repoRoot().resolve("examples/multi-deck"), "multi-deck-one-fails");
        assertEquals(0, MavenRun.run(project, "package").exitCode);
        Path verbs = project.resolve("target/multi-deck-1.0.0-verbs.apkg");
        Path cloud = project.resolve("target/multi-deck-1.0.0-cloud.apkg");
        Path previous = Files.copy(verbs, project.resolve("verbs-1.0.0.apkg"));
        // The verbs release passes the gate; the cloud deck, compared with the verbs package, does not.
        MavenRun run = MavenRun.run(project, "anki:package", "-Danki.previousRelease=verbs-1.0.0.apkg",
                "-Dproject.build.outputTimestamp=2026-12-01T00:00:00Z");
        assertEquals(1, run.exitCode, run.log());
        assertTrue(run.log().contains("Wrote target/multi-deck-1.0.0-verbs.apkg"), run.log());
        assertFalse(Files.exists(verbs) || Files.exists(cloud) || Files.exists(PackageWriter.releaseNotesPath(verbs)),
                "the build failed: no package of it is left, not even the one that passed");
        assertTrue(Files.exists(previous));

        assertEquals(0, MavenRun.run(project, "package").exitCode);
        Files.writeString(project.resolve("src/main/anki/cloud/cards.csv"), ",no term\n", StandardOpenOption.APPEND);
        MavenRun checked = MavenRun.run(project, "package");
        assertEquals(1, checked.exitCode, checked.log());
        assertFalse(Files.exists(verbs) || Files.exists(cloud), "anki:check, which stops mvn package, removes both as well");
    }

    @Test
    void aBuildWithoutTimestampSaysSoAndWhy() throws Exception {
        Path project = MavenRun.copyProject(MavenRun.repoRoot().resolve("examples/minimal"), "minimal-no-timestamp");
        MavenRun run = MavenRun.run(project, "anki:package", "-Dproject.build.outputTimestamp=1");
        assertEquals(0, run.exitCode, run.log());
        assertEquals(List.of("[WARNING] project.build.outputTimestamp is \"1\", which Maven takes for no timestamp: using the"
                + " current time, so the package is not reproducible (set it to a date such as 2026-11-25T00:00:00Z, and advance"
                + " it with every release)"), run.linesStartingWith("[WARNING] project.build.outputTimestamp"));
    }

    @Test
    void aNoteMovedToAnotherDeckOfTheBuildIsNamedWithItsOldGuidEvenWhenItsDeckIsUpToDate() throws Exception {
        Path project = MavenRun.copyProject(MavenRun.repoRoot().resolve("examples/multi-deck"), "multi-deck-moved");
        assertEquals(0, MavenRun.run(project, "package").exitCode);
        Path verbs1 = Files.copy(project.resolve("target/multi-deck-1.0.0-verbs.apkg"), project.resolve("verbs-1.apkg"));
        Path cloud1 = Files.copy(project.resolve("target/multi-deck-1.0.0-cloud.apkg"), project.resolve("cloud-1.apkg"));
        Path pom = project.resolve("pom.xml");
        Files.writeString(pom, Files.readString(pom)
                .replace("<classifier>verbs</classifier>", "<classifier>verbs</classifier><previousRelease>" + verbs1.getFileName()
                        + "</previousRelease>")
                .replace("<classifier>cloud</classifier>", "<classifier>cloud</classifier><previousRelease>" + cloud1.getFileName()
                        + "</previousRelease>")
                .replace("2026-11-25T00:00:00Z", "2026-12-01T00:00:00Z"));
        // First the row leaves its deck (a removal passes), then, in another build, it arrives in the other.
        Path er = project.resolve("src/main/anki/verbs/er.csv");
        Files.writeString(er, Files.readString(er).replace("beber,to drink,spanish::verbs\n", ""));
        assertEquals(0, MavenRun.run(project, "package").exitCode);
        Files.writeString(project.resolve("src/main/anki/cloud/cards.csv"), "beber,to drink,,spanish::verbs\n",
                StandardOpenOption.APPEND);
        MavenRun run = MavenRun.run(project, "package");
        assertEquals(0, run.exitCode, run.log());
        List<String> moved = run.linesStartingWith("[WARNING] src/main/anki/cloud/cards.csv");
        assertEquals(1, moved.size(), run.log());
        assertTrue(moved.get(0).contains("\"beber\" was a note of the deck \"Spanish Verbs\" in its previous release: if it moved"
                + " to \"Cloud Basics\", it got another guid"), moved.get(0));
        assertTrue(Files.readString(project.resolve("target/anki-check.sarif")).contains("\"ruleId\": \"renamed-note\""),
                "what only anki:package finds reaches the check's reports too");
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
