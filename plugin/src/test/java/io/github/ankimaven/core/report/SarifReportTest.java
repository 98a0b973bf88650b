package io.github.ankimaven.core.report;

import static io.github.ankimaven.core.report.SarifValidator.JSON;
import static io.github.ankimaven.core.report.SarifValidator.schemaErrors;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.SarifSchema210;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ankimaven.core.DeckBuilder;
import io.github.ankimaven.core.DeckReport;
import io.github.ankimaven.core.TestDecks;
import io.github.ankimaven.core.model.Finding;
import io.github.ankimaven.core.model.SourceLocation;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifReportTest {

    @TempDir
    Path dir;

    static final List<Finding> FAILING_CHECK = List.of(
            Finding.error(new SourceLocation("src/main/anki/broken.csv", 0), "encoding",
                    "bytes that are not valid UTF-8; save the file as UTF-8 or set <encoding> to the file's encoding"),
            Finding.error(new SourceLocation("src/main/anki/cards.csv", 3), "empty-term",
                    "empty Term: every note needs a term"),
            Finding.warning(new SourceLocation("src/main/anki/cards.csv", 5), "tag",
                    "tag \"a,b\" contains \",\" or \";\": tags are separated by spaces, so this is one tag"),
            Finding.error(new SourceLocation("src/main/anki/more cards/Überblick #1 100%.tsv", 12), "duplicate-term",
                    "duplicate term \"VM\": 2 notes at src/main/anki/more cards/Überblick #1 100%.tsv:12, 14; merge them"
                            + " into one note"));

    private static JsonNode parse(String json) throws Exception {
        return JSON.readTree(json);
    }

    private static List<String> ruleIds(JsonNode run) {
        List<String> ids = new ArrayList<>();
        run.path("tool").path("driver").path("rules").forEach(rule -> ids.add(rule.path("id").asText()));
        return ids;
    }

    @Test
    void aFailingCheckNamesEachFindingsFileLineRuleLevelAndMessage() throws Exception {
        String json = CheckReports.sarif(SarifOptions.of("1.2.3"), FAILING_CHECK);
        JsonNode log = parse(json);
        assertEquals("2.1.0", log.path("version").asText());
        assertEquals(SarifReport.SCHEMA, log.path("$schema").asText());
        assertEquals(1, log.path("runs").size());
        JsonNode run = log.path("runs").get(0);
        JsonNode driver = run.path("tool").path("driver");
        assertEquals("anki-maven-plugin", driver.path("name").asText());
        assertEquals("1.2.3", driver.path("version").asText());

        JsonNode results = run.path("results");
        assertEquals(4, results.size());

        JsonNode encoding = results.get(0);
        assertEquals("encoding", encoding.path("ruleId").asText());
        assertEquals("error", encoding.path("level").asText());
        assertEquals(FAILING_CHECK.get(0).message(), encoding.path("message").path("text").asText());
        JsonNode wholeFile = encoding.path("locations").get(0).path("physicalLocation");
        assertEquals("src/main/anki/broken.csv", wholeFile.path("artifactLocation").path("uri").asText());
        assertEquals("%SRCROOT%", wholeFile.path("artifactLocation").path("uriBaseId").asText());
        assertFalse(wholeFile.has("region"), "line 0 means the whole file: no region");

        JsonNode emptyTerm = results.get(1);
        assertEquals("empty-term", emptyTerm.path("ruleId").asText());
        assertEquals("error", emptyTerm.path("level").asText());
        assertEquals("empty Term: every note needs a term", emptyTerm.path("message").path("text").asText());
        JsonNode location = emptyTerm.path("locations").get(0).path("physicalLocation");
        assertEquals("src/main/anki/cards.csv", location.path("artifactLocation").path("uri").asText());
        assertEquals(3, location.path("region").path("startLine").asInt());
        assertEquals(List.of("startLine"), fieldNames(location.path("region")));

        JsonNode tag = results.get(2);
        assertEquals("tag", tag.path("ruleId").asText());
        assertEquals("warning", tag.path("level").asText());
        assertEquals(5, tag.path("locations").get(0).path("physicalLocation").path("region").path("startLine").asInt());

        JsonNode duplicate = results.get(3);
        assertEquals("duplicate-term", duplicate.path("ruleId").asText());
        String uri = duplicate.path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asText();
        assertEquals("src/main/anki/more%20cards/%C3%9Cberblick%20%231%20100%25.tsv", uri);
        assertEquals("src/main/anki/more cards/Überblick #1 100%.tsv", URI.create(uri).getPath(), "decodes to the path");
        assertEquals(12, duplicate.path("locations").get(0).path("physicalLocation").path("region").path("startLine").asInt());

        for (JsonNode result : results) {
            int index = result.path("ruleIndex").asInt();
            JsonNode rule = driver.path("rules").get(index);
            assertEquals(result.path("ruleId").asText(), rule.path("id").asText(), "ruleIndex points at the result's rule");
        }
        assertEquals(List.of(), schemaErrors(json));
    }

    @Test
    void theDriverListsTheWholeCatalogueWithDescriptionsAndDefaultLevels() throws Exception {
        JsonNode run = parse(CheckReports.sarif(SarifOptions.of("1.2.3"), List.of())).path("runs").get(0);
        assertEquals(Rules.ALL.stream().map(Rule::id).toList(), ruleIds(run));
        JsonNode rules = run.path("tool").path("driver").path("rules");
        for (int i = 0; i < Rules.ALL.size(); i++) {
            Rule rule = Rules.ALL.get(i);
            JsonNode written = rules.get(i);
            assertEquals(List.of("id", "shortDescription", "fullDescription", "defaultConfiguration", "help"),
                    fieldNames(written));
            assertEquals(rule.summary(), written.path("shortDescription").path("text").asText());
            assertEquals(rule.summary(), written.path("fullDescription").path("text").asText());
            assertEquals(rule.summary() + " Each result's message names the problem and how to fix it.",
                    written.path("help").path("text").asText());
            assertEquals(SarifReport.level(rule.defaultSeverity()), written.path("defaultConfiguration").path("level").asText());
        }
        assertEquals("warning", rules.get(ruleIds(run).indexOf("missing-card")).path("defaultConfiguration").path("level").asText());
        JsonNode configured = parse(CheckReports.sarif(SarifOptions.of("1.2.3").withRuleSeverities(
                java.util.Map.of("missing-card", io.github.ankimaven.core.model.Severity.ERROR)), List.of())).path("runs").get(0);
        assertEquals("error", configured.path("tool").path("driver").path("rules").get(ruleIds(run).indexOf("missing-card"))
                .path("defaultConfiguration").path("level").asText(), "<rules> made it an error: the level its results have");
        assertEquals(0, run.path("results").size());
        assertTrue(run.path("results").isArray(), "an empty results array says: analysed, nothing found");
    }

    @Test
    void anUnknownRuleIdIsAppendedAfterTheCatalogue() throws Exception {
        List<Finding> findings = List.of(
                Finding.warning(new SourceLocation("a.csv", 1), "zz-new-check", "new"),
                Finding.error(new SourceLocation("a.csv", 2), "aa-new-check", "newer"));
        String json = CheckReports.sarif(SarifOptions.of("1"), findings);
        JsonNode run = parse(json).path("runs").get(0);
        List<String> ids = ruleIds(run);
        assertEquals(Rules.ALL.size() + 2, ids.size());
        assertEquals(List.of("aa-new-check", "zz-new-check"), ids.subList(Rules.ALL.size(), ids.size()));
        JsonNode unknown = run.path("tool").path("driver").path("rules").get(Rules.ALL.size());
        assertEquals(List.of("id", "shortDescription", "fullDescription", "help"), fieldNames(unknown));
        assertEquals("Findings of the check aa-new-check.", unknown.path("shortDescription").path("text").asText());
        assertEquals(Rules.ALL.size() + 1, run.path("results").get(0).path("ruleIndex").asInt());
        assertEquals(Rules.ALL.size(), run.path("results").get(1).path("ruleIndex").asInt());
        assertEquals(List.of(), schemaErrors(json));
    }

    @Test
    void aPathPrefixPlacesAProjectInASubdirectoryOfItsRepository() throws Exception {
        SarifOptions options = SarifOptions.of("1.2.3").withPathPrefix("decks\\computing")
                .withSourceRoot(URI.create("file:///home/ci/work/repo")).withCategory("anki-check/computing/");
        assertEquals("decks/computing/", options.pathPrefix());
        String json = CheckReports.sarif(options, FAILING_CHECK);
        JsonNode run = parse(json).path("runs").get(0);
        assertEquals("decks/computing/src/main/anki/cards.csv", run.path("results").get(1).path("locations").get(0)
                .path("physicalLocation").path("artifactLocation").path("uri").asText());
        JsonNode root = run.path("originalUriBaseIds").path("%SRCROOT%");
        assertEquals("file:///home/ci/work/repo/", root.path("uri").asText(), "a base URI ends with /");
        assertEquals("anki-check/computing/", run.path("automationDetails").path("id").asText());
        assertEquals(List.of("tool", "automationDetails", "originalUriBaseIds", "results"), fieldNames(run));
        assertEquals(List.of(), schemaErrors(json));
    }

    @Test
    void withoutASourceRootTheReportHoldsNoMachinePath() throws Exception {
        String json = CheckReports.sarif(SarifOptions.of("1.2.3"), FAILING_CHECK);
        JsonNode run = parse(json).path("runs").get(0);
        JsonNode root = run.path("originalUriBaseIds").path("%SRCROOT%");
        assertEquals(List.of("description"), fieldNames(root));
        assertFalse(run.has("automationDetails"));
        assertFalse(json.contains("file:"), json);
        assertFalse(json.contains(dir.toString()));
        assertFalse(json.contains(System.getProperty("user.dir")));
    }

    @Test
    void aFileOutsideTheProjectIsAnAbsoluteFileUriWithoutBase() throws Exception {
        List<Finding> findings = List.of(
                Finding.error(new SourceLocation("/home/me/releases/deck 1.0.apkg", 0), "release-timestamp", "too old"),
                Finding.error(new SourceLocation("C:/Users/me/deck.apkg", 0), "note-type-schema", "changed"),
                Finding.warning(new SourceLocation("", 0), "renamed-note", "somewhere in the deck"));
        String json = CheckReports.sarif(SarifOptions.of("1").withPathPrefix("decks/a"), findings);
        JsonNode results = parse(json).path("runs").get(0).path("results");
        JsonNode unix = results.get(0).path("locations").get(0).path("physicalLocation").path("artifactLocation");
        assertEquals("file:///home/me/releases/deck%201.0.apkg", unix.path("uri").asText());
        assertFalse(unix.has("uriBaseId"), "an absolute URI takes no base");
        JsonNode windows = results.get(1).path("locations").get(0).path("physicalLocation").path("artifactLocation");
        assertEquals("file:///C:/Users/me/deck.apkg", windows.path("uri").asText());
        assertFalse(results.get(2).has("locations"), "a finding without a file has no location");
        assertEquals(List.of(), schemaErrors(json));
    }

    @Test
    void equalInputGivesEqualBytesWithStableKeyOrderAndUnixLineEnds() throws Exception {
        SarifOptions options = SarifOptions.of("1.2.3").withPathPrefix("decks/a");
        Path first = dir.resolve("one/anki-check.sarif");
        Path second = dir.resolve("two/anki-check.sarif");
        CheckReports.writeSarif(first, options, FAILING_CHECK);
        CheckReports.writeSarif(second, options, new ArrayList<>(FAILING_CHECK));
        byte[] bytes = Files.readAllBytes(first);
        assertArrayEquals(bytes, Files.readAllBytes(second));
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertEquals(CheckReports.sarif(options, FAILING_CHECK), text);
        assertFalse(text.contains("\r"));
        assertTrue(text.endsWith("}\n"));
        assertTrue(text.contains("notes at src/main/anki/more cards/Überblick #1 100%.tsv:12"), "UTF-8, not \\u escapes");
        assertTrue(text.startsWith("{\n  \"$schema\": \""), text.substring(0, 40));

        JsonNode result = parse(text).path("runs").get(0).path("results").get(1);
        assertEquals(List.of("ruleId", "ruleIndex", "level", "message", "locations"), fieldNames(result));
        assertEquals(List.of("$schema", "version", "runs"), fieldNames(parse(text)));
    }

    @Test
    void writingReplacesAnEarlierReportAndLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("target/reports/anki-check.sarif");
        CheckReports.writeSarif(file, SarifOptions.of("1"), FAILING_CHECK);
        CheckReports.writeSarif(file, SarifOptions.of("1"), List.of());
        assertEquals(0, parse(Files.readString(file)).path("runs").get(0).path("results").size());
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void theReportOfARealFailingCheckMatchesItsFindingsOneToOne() throws Exception {
        TestDecks deck = new TestDecks(dir)
                .file("a.csv", "Term,Definition,tags\nVM,A virtual machine,virt\n,No term,\nHypervisor,Runs VMs,\"a,b\"\n")
                .file("sub dir/b.csv", "Term,Definition\nvm,Duplicate of VM\nContainer,Shares the kernel,extra\n");
        DeckReport report = DeckBuilder.check(deck.request());
        assertTrue(report.hasErrors(), "the check fails");
        Path file = dir.resolve("target/anki-check.sarif");
        CheckReports.writeSarif(file, SarifOptions.of("0.1.0-SNAPSHOT"), report.findings());
        String json = Files.readString(file);
        assertEquals(List.of(), schemaErrors(json));

        JsonNode results = parse(json).path("runs").get(0).path("results");
        assertEquals(report.findings().size(), results.size());
        for (int i = 0; i < results.size(); i++) {
            Finding finding = report.findings().get(i);
            JsonNode result = results.get(i);
            JsonNode physical = result.path("locations").get(0).path("physicalLocation");
            assertEquals(finding.rule(), result.path("ruleId").asText());
            assertEquals(finding.isError() ? "error" : "warning", result.path("level").asText());
            assertEquals(finding.message(), result.path("message").path("text").asText());
            assertEquals(finding.location().file(), URI.create(physical.path("artifactLocation").path("uri").asText()).getPath());
            assertEquals(finding.location().line(), physical.path("region").path("startLine").asInt(0));
        }
        JsonNode emptyTerm = results.findParents("ruleId").stream()
                .filter(r -> r.path("ruleId").asText().equals("empty-term")).findFirst().orElseThrow();
        assertEquals("src/main/anki/a.csv", emptyTerm.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals(3, emptyTerm.at("/locations/0/physicalLocation/region/startLine").asInt());
        JsonNode cellCount = results.findParents("ruleId").stream()
                .filter(r -> r.path("ruleId").asText().equals("cell-count")).findFirst().orElseThrow();
        assertEquals("src/main/anki/sub%20dir/b.csv", cellCount.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals(3, cellCount.at("/locations/0/physicalLocation/region/startLine").asInt());
    }

    @Test
    void javaSarifsTypedModelReadsTheReport() throws Exception {
        String json = CheckReports.sarif(SarifOptions.of("1.2.3").withPathPrefix("decks/a")
                .withSourceRoot(URI.create("file:///repo/")).withCategory("anki-check/a"), FAILING_CHECK);
        SarifSchema210 log = SarifValidator.typed(json);
        assertEquals("2.1.0", log.getVersion().value());
        var run = log.getRuns().get(0);
        assertEquals("anki-maven-plugin", run.getTool().getDriver().getName());
        assertEquals(Rules.ALL.size(), run.getTool().getDriver().getRules().size());
        assertEquals("file:///repo/", run.getOriginalUriBaseIds().getAdditionalProperties().get("%SRCROOT%").getUri());
        Result result = run.getResults().get(1);
        assertEquals("empty-term", result.getRuleId());
        assertEquals(Result.Level.ERROR, result.getLevel());
        assertEquals("empty Term: every note needs a term", result.getMessage().getText());
        var physical = result.getLocations().get(0).getPhysicalLocation();
        assertEquals("decks/a/src/main/anki/cards.csv", physical.getArtifactLocation().getUri());
        assertEquals("%SRCROOT%", physical.getArtifactLocation().getUriBaseId());
        assertEquals(3, physical.getRegion().getStartLine());
        assertEquals(Result.Level.WARNING, run.getResults().get(2).getLevel());
    }

    // --- the validation can fail: broken documents are rejected ---

    private static String broken(Consumer<ObjectNode> damage) throws Exception {
        ObjectNode log = (ObjectNode) parse(CheckReports.sarif(SarifOptions.of("1.2.3"), FAILING_CHECK));
        damage.accept(log);
        return JSON.writeValueAsString(log);
    }

    private static ObjectNode result(ObjectNode log, int i) {
        return (ObjectNode) log.path("runs").get(0).path("results").get(i);
    }

    @Test
    void theSchemaRejectsBrokenDocuments() throws Exception {
        assertRejected(broken(log -> log.put("version", "2.0.0")), "version");
        assertRejected(broken(log -> result(log, 1).remove("message")), "message");
        assertRejected(broken(log -> result(log, 1).put("level", "fatal")), "level");
        assertRejected(broken(log -> result(log, 1).put("ruleID", "typo")), "ruleID");
        assertRejected(broken(log -> ((ObjectNode) result(log, 1).at("/locations/0/physicalLocation/region"))
                .put("startLine", 0)), "startLine");
        assertRejected(broken(log -> ((ObjectNode) result(log, 1).at("/locations/0/physicalLocation/artifactLocation"))
                .put("uri", "src/main/anki/more cards/a b.csv")), "uri");
        assertRejected(broken(log -> ((ObjectNode) log.path("runs").get(0).path("tool").path("driver")).remove("name")),
                "name");
    }

    private static void assertRejected(String json, String about) {
        List<String> errors = schemaErrors(json);
        assertFalse(errors.isEmpty(), "the schema should reject a document with a broken " + about);
        assertTrue(errors.stream().anyMatch(e -> e.contains(about)), about + " not named in " + errors);
    }

    @Test
    void theTypedModelRejectsAnUnknownProperty() throws Exception {
        String json = broken(log -> result(log, 1).put("ruleID", "typo"));
        assertThrows(UnrecognizedPropertyException.class, () -> SarifValidator.typed(json));
    }

    // --- options and URIs ---

    @Test
    void pathPrefixesAreNormalisedOrRefused() {
        assertEquals("", SarifOptions.of("1").pathPrefix());
        assertEquals("", SarifOptions.of("1").withPathPrefix(".").pathPrefix());
        assertEquals("", SarifOptions.of("1").withPathPrefix(" ").pathPrefix());
        assertEquals("decks/a/", SarifOptions.of("1").withPathPrefix("./decks/a/").pathPrefix());
        assertEquals("decks/a/", SarifOptions.of("1").withPathPrefix("decks//a").pathPrefix());
        assertThrows(IllegalArgumentException.class, () -> SarifOptions.of("1").withPathPrefix("/home/ci/repo"));
        assertThrows(IllegalArgumentException.class, () -> SarifOptions.of("1").withPathPrefix("C:/repo"));
        assertThrows(IllegalArgumentException.class, () -> SarifOptions.of("1").withPathPrefix("decks/../../x"));
        assertThrows(IllegalArgumentException.class, () -> SarifOptions.of("1").withSourceRoot(URI.create("repo/")));
        assertEquals(URI.create("file:///r/"), SarifOptions.of("1").withSourceRoot(URI.create("file:///r")).sourceRoot());
        assertEquals(null, SarifOptions.of(" ").toolVersion());
    }

    @Test
    void thePrefixCanBeDerivedFromTheGitWorkTreeHoldingTheProject() throws Exception {
        Path repository = Files.createDirectories(dir.resolve("repo"));
        Path project = Files.createDirectories(repository.resolve("decks/computing"));
        Path realRepository = repository.toRealPath();
        assertTrue(SarifOptions.gitRoot(project).map(r -> !r.startsWith(realRepository)).orElse(true), "no .git yet");
        Files.createDirectories(repository.resolve(".git"));
        Path root = SarifOptions.gitRoot(project).orElseThrow();
        assertEquals(realRepository, root);
        assertEquals("decks/computing/", SarifOptions.of("1").withProjectIn(root, project).pathPrefix());
        assertEquals("", SarifOptions.of("1").withProjectIn(root, repository).pathPrefix());
        Files.delete(repository.resolve(".git"));
        Files.writeString(repository.resolve(".git"), "gitdir: /elsewhere/.git/worktrees/repo\n");
        assertEquals(root, SarifOptions.gitRoot(project).orElseThrow(), "a linked work tree has a .git file");
        assertThrows(IllegalArgumentException.class, () -> SarifOptions.of("1").withProjectIn(project, repository));
    }

    @Test
    void pathsArePercentEncodedAsUriPaths() {
        assertEquals("src/main/anki/cards.csv", SarifReport.encodePath("src/main/anki/cards.csv"));
        assertEquals("a%20b/%C3%A9t%C3%A9%3Ax%3F%23%25%5B%5D%E2%80%94.csv", SarifReport.encodePath("a b/été:x?#%[]—.csv"));
        assertEquals("keep-._~!$&'()*+,;=@", SarifReport.encodePath("keep-._~!$&'()*+,;=@"));
        assertEquals("%F0%9F%93%9A.csv", SarifReport.encodePath("\uD83D\uDCDA.csv"));
        for (String path : List.of("a b/été:x?#%[]—.csv", "\uD83D\uDCDA.csv", "x/y z.tsv")) {
            URI uri = URI.create(SarifReport.encodePath(path));
            assertFalse(uri.isAbsolute(), path);
            assertEquals(path, uri.getPath());
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
