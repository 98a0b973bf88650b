package io.github.ankimaven.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ankimaven.core.apkg.StableIds;
import io.github.ankimaven.core.format.FieldFormat;
import io.github.ankimaven.core.model.CardFile;
import io.github.ankimaven.core.model.Finding;
import io.github.ankimaven.core.model.Severity;
import io.github.ankimaven.testsupport.ApkgContents;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeckBuilderTest {

    @TempDir
    Path dir;

    private static final String CARDS = "Term,Definition,tags\n"
            + "Hypervisor,Runs <virtual> machines & more,virt::hv\n"
            + "Container,\"Shares the kernel\nwith its host\",virt virt::containers\n"
            + "Café,\"Says \"\"bonjour\"\"\",\n";

    private static List<String> texts(List<Finding> findings) {
        return findings.stream().map(f -> f.severity() + " " + f).toList();
    }

    @Test
    void writesAPackageWithEveryPartAnkiNeeds() throws Exception {
        TestDecks deck = new TestDecks(dir).file("cards.csv", CARDS);
        DeckReport report = DeckBuilder.build(deck.request(), deck.output());
        assertEquals(List.of(), texts(report.findings()));
        assertEquals(3, report.notes());
        assertEquals(6, report.cards());
        assertEquals(deck.output(), report.packageFile());
        assertEquals(Files.size(deck.output()), report.packageBytes());

        try (ApkgContents apkg = new ApkgContents(deck.output(), dir)) {
            assertEquals(List.of("collection.anki2", "media"), apkg.entryNames);
            assertTrue(apkg.media.isObject() && apkg.media.isEmpty(), "media map is {}");

            assertEquals(Set.of("col", "notes", "cards", "revlog", "graves"), tableNames(apkg, "table"));
            assertEquals(Set.of("ix_notes_usn", "ix_cards_usn", "ix_revlog_usn", "ix_cards_nid", "ix_cards_sched",
                    "ix_revlog_cid", "ix_notes_csum"), tableNames(apkg, "index"));
            assertEquals(List.of("id", "guid", "mid", "mod", "usn", "tags", "flds", "sfld", "csum", "flags", "data"),
                    columns(apkg, "notes"));
            assertEquals(List.of("id", "nid", "did", "ord", "mod", "usn", "type", "queue", "due", "ivl", "factor", "reps",
                    "lapses", "left", "odue", "odid", "flags", "data"), columns(apkg, "cards"));
            assertEquals(List.of("id", "crt", "mod", "scm", "ver", "dty", "usn", "ls", "conf", "models", "decks", "dconf", "tags"),
                    columns(apkg, "col"));
            assertEquals(0, ((Number) apkg.single("SELECT count(*) FROM revlog")).intValue());
            assertEquals(0, ((Number) apkg.single("SELECT count(*) FROM graves")).intValue());

            Map<String, Object> col = apkg.rows("SELECT * FROM col").get(0);
            assertEquals(11, col.get("ver"));
            assertEquals("{}", col.get("tags"));
            long build = TestDecks.BUILD_TIME.toEpochMilli();
            assertEquals(build, ((Number) col.get("mod")).longValue());
            assertEquals(java.time.Instant.parse("2026-11-25T04:00:00Z").getEpochSecond(), ((Number) col.get("crt")).longValue(), "4 am UTC of the build day");

            long noteTypeId = StableIds.noteTypeId("com.example:test-deck", "Term-Definition");
            long deckId = StableIds.deckId("com.example:test-deck", "Test Deck");
            assertModels(apkg.colJson("models"), noteTypeId, deckId);
            assertDecks(apkg.colJson("decks"), deckId);
            assertDeckConfigs(apkg.colJson("dconf"));

            List<Map<String, Object>> notes = apkg.rows("SELECT * FROM notes ORDER BY id");
            assertEquals(3, notes.size());
            Map<String, Object> hypervisor = notes.get(0);
            assertEquals(build, ((Number) hypervisor.get("id")).longValue());
            assertEquals(StableIds.guid("com.example:test-deck", "hypervisor"), hypervisor.get("guid"));
            assertEquals(noteTypeId, ((Number) hypervisor.get("mid")).longValue());
            assertEquals(TestDecks.BUILD_TIME.getEpochSecond(), ((Number) hypervisor.get("mod")).longValue());
            assertEquals(-1, hypervisor.get("usn"));
            assertEquals(" extra virt::hv ", hypervisor.get("tags"));
            assertEquals("Hypervisor\u001fRuns &lt;virtual&gt; machines &amp; more", hypervisor.get("flds"));
            assertEquals("Hypervisor", hypervisor.get("sfld"));
            assertEquals(sha1Prefix("Hypervisor"), ((Number) hypervisor.get("csum")).longValue());
            assertEquals(0, hypervisor.get("flags"));
            assertEquals("", hypervisor.get("data"));

            Map<String, Object> container = notes.get(1);
            assertEquals(" extra virt virt::containers ", container.get("tags"));
            assertEquals("Container\u001fShares the kernel<br>with its host", container.get("flds"));
            Map<String, Object> cafe = notes.get(2);
            assertEquals("Caf\u00e9\u001fSays \"bonjour\"", cafe.get("flds"));
            assertEquals(sha1Prefix("Caf\u00e9"), ((Number) cafe.get("csum")).longValue());

            List<Map<String, Object>> cards = apkg.rows("SELECT * FROM cards ORDER BY id");
            assertEquals(6, cards.size());
            for (int i = 0; i < cards.size(); i++) {
                Map<String, Object> card = cards.get(i);
                assertEquals(((Number) notes.get(i / 2).get("id")).longValue(), ((Number) card.get("nid")).longValue());
                assertEquals(deckId, ((Number) card.get("did")).longValue());
                assertEquals(i % 2, card.get("ord"));
                assertEquals(0, card.get("type"));
                assertEquals(0, card.get("queue"));
                assertEquals(i / 2 + 1, card.get("due"), "new-card position follows the file order");
                assertEquals(-1, card.get("usn"));
            }
            JsonNode conf = apkg.colJson("conf");
            assertEquals(4, conf.get("nextPos").asInt());
            assertEquals(2, conf.get("schedVer").asInt());
        }
    }

    @Test
    void textColumnsAreStoredAsTextWithTheBytesOfTheirStrings() throws Exception {
        // The writer binds tags, fields and sort field as UTF-8 bytes cast to TEXT: stored values
        // must be TEXT (never BLOB or NULL), empty tags included, and numbers in the sort field
        // still get the column's integer affinity, as Anki's own inserts do.
        String emoji = "\ud83d\ude00";
        TestDecks deck = new TestDecks(dir).file("cards.csv", "Term,Definition,tags\n"
                + "007,\"Bond \u00e9 \u4e2d\u6587 " + emoji + "\",\n"
                + "Caf\u00e9 " + emoji + ",x,t\u00e4g " + emoji + "\n");
        DeckRequest request = deck.request();
        request = new DeckRequest(request.deckName(), "A deck for tests.", request.identity(), request.cardFiles(),
                StandardCharsets.UTF_8, List.of(), request.noteType(), Severity.ERROR, TestDecks.BUILD_TIME);
        DeckReport report = DeckBuilder.build(request, deck.output());
        assertEquals(List.of(), texts(report.findings()));
        try (ApkgContents apkg = new ApkgContents(deck.output(), dir)) {
            List<Map<String, Object>> notes = apkg.rows("SELECT typeof(tags) AS tt, tags, typeof(flds) AS tf, flds,"
                    + " typeof(sfld) AS ts, sfld, csum FROM notes ORDER BY id");
            assertEquals("text", notes.get(0).get("tt"));
            assertEquals("", notes.get(0).get("tags"));
            assertEquals("text", notes.get(0).get("tf"));
            assertEquals("007\u001fBond \u00e9 \u4e2d\u6587 " + emoji, notes.get(0).get("flds"));
            assertEquals("integer", notes.get(0).get("ts"));
            assertEquals(7, ((Number) notes.get(0).get("sfld")).intValue());
            assertEquals(sha1Prefix("007"), ((Number) notes.get(0).get("csum")).longValue());
            assertEquals(" t\u00e4g " + emoji + " ", notes.get(1).get("tags"));
            assertEquals("text", notes.get(1).get("ts"));
            assertEquals("Caf\u00e9 " + emoji, notes.get(1).get("sfld"));
            assertEquals(sha1Prefix("Caf\u00e9 " + emoji), ((Number) notes.get(1).get("csum")).longValue());
        }
    }

    private static void assertModels(JsonNode models, long noteTypeId, long deckId) {
        assertEquals(List.of(Long.toString(noteTypeId)), names(models.fieldNames()));
        JsonNode model = models.get(Long.toString(noteTypeId));
        for (String key : List.of("id", "name", "type", "mod", "usn", "sortf", "did", "tmpls", "flds", "css", "latexPre",
                "latexPost", "req", "tags", "vers")) {
            assertTrue(model.has(key), "model key " + key);
        }
        assertEquals(noteTypeId, model.get("id").asLong());
        assertTrue(model.get("id").isIntegralNumber());
        assertEquals("Term-Definition", model.get("name").asText());
        assertEquals(0, model.get("type").asInt());
        assertTrue(model.get("mod").isIntegralNumber());
        assertEquals(deckId, model.get("did").asLong());
        assertEquals("[[0,\"all\",[0]],[1,\"all\",[1]]]", model.get("req").toString());
        JsonNode fields = model.get("flds");
        assertEquals(2, fields.size());
        for (int i = 0; i < 2; i++) {
            JsonNode field = fields.get(i);
            assertEquals(List.of("Term", "Definition").get(i), field.get("name").asText());
            assertEquals(i, field.get("ord").asInt());
            for (String key : List.of("sticky", "rtl", "font", "size", "id")) {
                assertTrue(field.has(key), "field key " + key);
            }
            assertTrue(field.get("sticky").isBoolean() && field.get("size").isIntegralNumber());
        }
        JsonNode templates = model.get("tmpls");
        assertEquals(2, templates.size());
        assertEquals("Term → Definition", templates.get(0).get("name").asText());
        assertEquals("{{Term}}", templates.get(0).get("qfmt").asText());
        assertEquals("{{Definition}}", templates.get(1).get("qfmt").asText());
        for (int i = 0; i < 2; i++) {
            JsonNode template = templates.get(i);
            assertEquals(i, template.get("ord").asInt());
            for (String key : List.of("name", "qfmt", "afmt", "bqfmt", "bafmt", "did", "id")) {
                assertTrue(template.has(key), "template key " + key);
            }
            assertTrue(template.get("did").isNull());
        }
    }

    private static void assertDecks(JsonNode decks, long deckId) {
        assertEquals(new TreeSet<>(List.of("1", Long.toString(deckId))), new TreeSet<>(names(decks.fieldNames())));
        assertEquals("Default", decks.get("1").get("name").asText());
        JsonNode deck = decks.get(Long.toString(deckId));
        assertEquals("Test Deck", deck.get("name").asText());
        assertEquals("A deck for tests.", deck.get("desc").asText());
        for (JsonNode d : List.of(decks.get("1"), deck)) {
            for (String counter : List.of("lrnToday", "revToday", "newToday", "timeToday")) {
                assertTrue(d.get(counter).isArray(), counter);
            }
            assertTrue(d.get("collapsed").isBoolean(), "collapsed must be a JSON boolean");
            assertEquals(0, d.get("dyn").asInt());
            assertEquals(1, d.get("conf").asInt());
            assertTrue(d.get("usn").isIntegralNumber());
            assertTrue(d.has("desc") && d.has("id") && d.has("mod"));
        }
    }

    private static void assertDeckConfigs(JsonNode configs) {
        assertEquals(List.of("1"), names(configs.fieldNames()));
        JsonNode config = configs.get("1");
        for (String key : List.of("id", "mod", "name", "usn", "maxTaken", "autoplay", "timer", "new", "rev", "lapse")) {
            assertTrue(config.has(key), "deck config key " + key);
        }
        assertTrue(config.get("autoplay").isBoolean());
        assertEquals(20, config.get("new").get("perDay").asInt());
        assertEquals(200, config.get("rev").get("perDay").asInt());
        assertEquals(3, config.get("new").get("ints").size());
    }

    private static List<String> names(Iterator<String> iterator) {
        List<String> names = new java.util.ArrayList<>();
        iterator.forEachRemaining(names::add);
        return names;
    }

    private static Set<String> tableNames(ApkgContents apkg, String type) throws Exception {
        return apkg.rows("SELECT name FROM sqlite_master WHERE type = '" + type + "'").stream()
                .map(r -> (String) r.get("name")).collect(Collectors.toSet());
    }

    private static List<String> columns(ApkgContents apkg, String table) throws Exception {
        return apkg.rows("PRAGMA table_info(" + table + ")").stream().map(r -> (String) r.get("name")).toList();
    }

    /** Anki's csum, computed here independently of the production code. */
    private static long sha1Prefix(String text) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
        return Long.parseLong(HexFormat.of().formatHex(digest).substring(0, 8), 16);
    }

    @Test
    void reportsEveryDuplicateTermGroupAcrossFilesAndWritesNothing() throws Exception {
        TestDecks deck = new TestDecks(dir)
                .file("a.csv", "Term,Definition\nWorld switch,one\nother,x\nESX server,two\n")
                .file("b/b.csv", "Term,Definition\nworld  SWITCH,three\nESX\u00a0Server,four\nworld switch,five\n");
        Files.createDirectories(deck.output().getParent());
        Files.writeString(deck.output(), "stale package from an earlier build");
        DeckReport report = DeckBuilder.build(deck.request(), deck.output());
        assertEquals(List.of(
                "ERROR src/main/anki/a.csv:2: duplicate term \"World switch\": 3 notes at src/main/anki/a.csv:2,"
                        + " src/main/anki/b/b.csv:2, 4; merge them into one note",
                "ERROR src/main/anki/a.csv:4: duplicate term \"ESX server\": 2 notes at src/main/anki/a.csv:4,"
                        + " src/main/anki/b/b.csv:3; merge them into one note").stream().sorted().toList(),
                texts(report.findings()).stream().sorted().toList());
        assertTrue(report.hasErrors());
        assertNull(report.packageFile());
        assertFalse(Files.exists(deck.output()), "a stale package must not survive a failed build");
        try (var leftovers = Files.list(deck.output().getParent())) {
            assertEquals(List.of(), leftovers.toList(), "no temporary files are left behind");
        }
    }

    @Test
    void termsThatDifferOnlyInWhatLearnersCannotSeeAreDuplicatesAndKeepTheirGuids() throws Exception {
        TestDecks deck = new TestDecks(dir)
                .file("a.csv", "Term,Definition\nHypervisor,one\nKernel,two\n")
                .file("b.csv", "Term,Definition\nHyper\u00advisor,three\nKer\u0001nel,four\nUnique\u200b,five\n");
        DeckReport report = DeckBuilder.build(deck.request(), deck.output());
        assertEquals(List.of(
                "ERROR src/main/anki/a.csv:2: duplicate term \"Hypervisor\": 2 notes at src/main/anki/a.csv:2, src/main/anki/b.csv:2;"
                        + " merge them into one note",
                "ERROR src/main/anki/a.csv:3: duplicate term \"Kernel\": 2 notes at src/main/anki/a.csv:3, src/main/anki/b.csv:3;"
                        + " merge them into one note"),
                texts(report.findings()).stream().filter(f -> f.startsWith("ERROR")).sorted().toList());

        TestDecks alone = new TestDecks(dir.resolve("alone")).file("c.csv", "Term,Definition\nUnique\u200b,five\n");
        DeckReport built = DeckBuilder.build(alone.request(), alone.output());
        try (ApkgContents apkg = new ApkgContents(built.packageFile(), dir)) {
            assertEquals(StableIds.guid(alone.request().identity(), "unique\u200b"), apkg.single("SELECT guid FROM notes"),
                    "the GUID derives from the term as it did before invisible characters were left out of duplicates");
        }
    }

    @Test
    void htmlTermsAreComparedAsLearnersReadThemWithEveryNamedEntityDecoded() throws Exception {
        TestDecks deck = new TestDecks(dir).file("a.csv", "Term,Definition\ncaf&eacute;,one\n<i>Café</i>,two\nAT&T &amp; co,three\n");
        DeckReport report = DeckBuilder.build(deck.request().withFormats(FieldFormat.HTML, Map.of()), deck.output());
        assertEquals(List.of("ERROR src/main/anki/a.csv:2: duplicate term \"caf&eacute;\": 2 notes at src/main/anki/a.csv:2, 3;"
                + " merge them into one note"), texts(report.findings()));
    }

    @Test
    void duplicateTermsCanBeWarningsWhenEachNoteHasItsOwnGuid() throws Exception {
        TestDecks deck = new TestDecks(dir).file("a.csv", "Term,Definition,guid\nbank,river side,bank-river\nBank,money,\n");
        DeckReport report = DeckBuilder.build(deck.request(Severity.WARNING), deck.output());
        assertEquals(List.of("WARNING src/main/anki/a.csv:2: duplicate term \"bank\": 2 notes at src/main/anki/a.csv:2, 3;"
                + " merge them into one note"), texts(report.findings()));
        assertNotNull(report.packageFile());
        try (ApkgContents apkg = new ApkgContents(deck.output(), dir)) {
            assertEquals(List.of("bank-river", StableIds.guid("com.example:test-deck", "bank")),
                    apkg.rows("SELECT guid FROM notes ORDER BY id").stream().map(r -> r.get("guid")).toList());
        }
    }

    @Test
    void notesThatWouldShareAGuidAreErrors() throws Exception {
        TestDecks deck = new TestDecks(dir)
                .file("a.csv", "Term,Definition,guid\none,x,same\ntwo,y,same\nbank,z,\nBank,w,\n");
        DeckReport report = DeckBuilder.build(deck.request(Severity.WARNING), deck.output());
        assertEquals(List.of(
                "ERROR src/main/anki/a.csv:2: guid \"same\" is used by 2 notes at src/main/anki/a.csv:2, 3; Anki would"
                        + " import only one of them: give each note its own guid",
                "ERROR src/main/anki/a.csv:4: notes at src/main/anki/a.csv:4, 5 have the same term and so the same derived"
                        + " guid \"" + StableIds.guid("com.example:test-deck", "bank") + "\"; give all but one of them a"
                        + " guid cell of their own",
                "WARNING src/main/anki/a.csv:4: duplicate term \"bank\": 2 notes at src/main/anki/a.csv:4, 5; merge them"
                        + " into one note"), texts(report.findings()));
        assertFalse(Files.exists(deck.output()));
    }

    @Test
    void aGuidCellThatIsAnotherNotesDerivedGuidAndSharedGuidCellsAreReportedOnceEach() throws Exception {
        String derivedOld = StableIds.guid("com.example:test-deck", "old");
        TestDecks deck = new TestDecks(dir).file("a.csv", "Term,Definition,guid\n"
                + "new name,renamed from old," + derivedOld + "\n" // keeps the GUID that "old" derives
                + "old,back again,\n"
                + "bank,one,shared\n"
                + "Bank,two,shared\n"
                + "BANK,three,\n");
        DeckReport report = DeckBuilder.build(deck.request(Severity.WARNING), deck.output());
        assertEquals(List.of(
                "ERROR src/main/anki/a.csv:2: guid \"" + derivedOld + "\" is used by 2 notes at src/main/anki/a.csv:2, 3;"
                        + " Anki would import only one of them: give each note its own guid",
                "ERROR src/main/anki/a.csv:4: guid \"shared\" is used by 2 notes at src/main/anki/a.csv:4, 5; Anki would"
                        + " import only one of them: give each note its own guid",
                "WARNING src/main/anki/a.csv:4: duplicate term \"bank\": 3 notes at src/main/anki/a.csv:4, 5, 6; merge"
                        + " them into one note"), texts(report.findings()));
        assertFalse(Files.exists(deck.output()));
    }

    @Test
    void theRawSeedFailsWithEveryDuplicateGroupAndAllItsLines() throws Exception {
        TestDecks deck = new TestDecks(dir).bytes("raw-seed.csv",
                getClass().getResourceAsStream("/raw-seed/raw-seed.csv").readAllBytes());
        DeckReport report = DeckBuilder.check(deck.request());
        List<String> duplicates = report.findings().stream().filter(f -> f.rule().equals("duplicate-term"))
                .map(Finding::toString).toList();
        assertEquals(List.of(
                "src/main/anki/raw-seed.csv:8: duplicate term \"paravirtualization\": 2 notes at src/main/anki/raw-seed.csv:8, 9;"
                        + " merge them into one note",
                "src/main/anki/raw-seed.csv:21: duplicate term \"World switch\": 2 notes at src/main/anki/raw-seed.csv:21, 22;"
                        + " merge them into one note",
                "src/main/anki/raw-seed.csv:23: duplicate term \"ESX server\": 2 notes at src/main/anki/raw-seed.csv:23, 24;"
                        + " merge them into one note",
                "src/main/anki/raw-seed.csv:30: duplicate term \"UMA with bus-based architecture\": 2 notes at"
                        + " src/main/anki/raw-seed.csv:30, 32; merge them into one note"), duplicates);
        assertEquals(24, report.notes());
    }

    @Test
    void theSameInputGivesTheSameBytesInAnyTimeZoneAndFileOrder() throws Exception {
        TestDecks deck = new TestDecks(dir).file("b.csv", CARDS).file("a.csv", "Term,Definition\nzeta,last letter\n");
        TimeZone original = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
            DeckBuilder.build(deck.request(), deck.output());
            byte[] tokyo = Files.readAllBytes(deck.output());
            TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
            Files.setLastModifiedTime(dir.resolve("src/main/anki/a.csv"), java.nio.file.attribute.FileTime.fromMillis(0));
            TestDecks reordered = new TestDecks(dir).file("a.csv", "Term,Definition\nzeta,last letter\n").file("b.csv", CARDS);
            Path second = dir.resolve("target/second.apkg");
            DeckBuilder.build(reordered.request(), second);
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(tokyo)),
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(second))));
        } finally {
            TimeZone.setDefault(original);
        }
    }

    @Test
    void aChangedDefinitionKeepsTheNotesGuid() throws Exception {
        TestDecks first = new TestDecks(dir.resolve("one")).file("a.csv", "Term,Definition\nHypervisor,old text\n");
        TestDecks second = new TestDecks(dir.resolve("two")).file("a.csv", "Term,Definition\n  hypervisor ,new text\n");
        DeckBuilder.build(first.request(), first.output());
        DeckBuilder.build(second.request(), second.output());
        try (ApkgContents a = new ApkgContents(first.output(), dir); ApkgContents b = new ApkgContents(second.output(), dir)) {
            assertEquals(a.single("SELECT guid FROM notes"), b.single("SELECT guid FROM notes"));
            assertEquals(a.single("SELECT mid FROM notes"), b.single("SELECT mid FROM notes"));
            assertEquals(a.single("SELECT did FROM cards"), b.single("SELECT did FROM cards"));
        }
    }

    @Test
    void aFileWithoutADefinitionColumnGetsOneWarningNotOnePerRow() throws Exception {
        StringBuilder terms = new StringBuilder("Term\n");
        for (int i = 0; i < 1_500; i++) {
            terms.append("word").append(i).append('\n');
        }
        TestDecks deck = new TestDecks(dir).file("words.csv", terms.toString()).file("b.csv", "Term,Definition\nlonely,\n");
        DeckReport report = DeckBuilder.build(deck.request(), deck.output());
        assertEquals(List.of(
                "WARNING src/main/anki/b.csv:2: no \"Definition → Term\" card: Definition is empty",
                "WARNING src/main/anki/words.csv:1: no column \"Definition\": every note of this file leaves it empty, and makes no"
                        + " card that needs it"), texts(report.findings()).stream().sorted().toList());
        assertEquals(1_501, report.cards());
    }

    @Test
    void aSpreadsheetAmongTheCardFilesIsAWarningAndTheDeckIsBuiltWithoutIt() throws Exception {
        TestDecks deck = new TestDecks(dir).file("a.csv", "Term,Definition\nVM,virtual machine\n");
        Path spreadsheet = Files.writeString(dir.resolve("src/main/anki/verbs.xlsx"), "PK");
        deck.media("_worksheet.xlsx", new byte[] {'P', 'K'});
        DeckRequest request = deck.requestWithMedia().withUnreadSpreadsheets(List.of(
                new CardFile(spreadsheet, "src/main/anki/verbs.xlsx"),
                new CardFile(dir.resolve("src/main/anki/media/_worksheet.xlsx"), "src/main/anki/media/_worksheet.xlsx")));
        DeckReport report = DeckBuilder.build(request, deck.output());
        assertEquals(List.of("card-file src/main/anki/verbs.xlsx"),
                report.findings().stream().map(f -> f.rule() + " " + f.location().file()).toList(),
                "a spreadsheet in the media folder is a media file (a static one, here, that nothing has to use)");
        assertEquals("WARNING src/main/anki/verbs.xlsx: a spreadsheet is not read, so its cards are not in the deck:"
                + " save it as CSV UTF-8 next to it (Excel: Save As > CSV UTF-8; LibreOffice: Save As > Text CSV, UTF-8), or"
                + " list it in <excludes>", texts(report.findings()).get(0));
        assertEquals(1, report.notes());
        assertEquals(texts(report.findings()), texts(DeckBuilder.check(request).findings()));
        List<DeckRequest> twoDecks = DeckRequest.ofOneBuild(List.of(request, request.withDeckName("Other")));
        assertEquals(List.of(2, 0), twoDecks.stream().map(r -> r.unreadSpreadsheets().size()).toList(),
                "a spreadsheet in the folders of two decks is named once");
    }

    @Test
    void controlCharactersAreReportedAtTheirLineAndLeftOutOfThePackage() throws Exception {
        TestDecks deck = new TestDecks(dir).file("a.csv", "Term,Definition\nbell\u0007,\"first line\nsecond\u0001 \u0001\"\nclean,text\n");
        DeckReport report = DeckBuilder.build(deck.request(), deck.output());
        assertEquals(List.of(
                "WARNING src/main/anki/a.csv:2: Term: contains the control character U+0007, which Anki removes; delete it",
                "WARNING src/main/anki/a.csv:3: Definition: contains the control character U+0001, which Anki removes; delete it"),
                texts(report.findings()));
        try (ApkgContents apkg = new ApkgContents(deck.output(), dir)) {
            assertEquals("bell\u001ffirst line<br>second ", apkg.single("SELECT flds FROM notes ORDER BY id LIMIT 1"));
        }
    }

    @Test
    void aNoteWithoutDefinitionGetsOnlyTheTermCardAndAWarning() throws Exception {
        TestDecks deck = new TestDecks(dir).file("a.csv", "Term,Definition\nlonely,\n");
        DeckReport report = DeckBuilder.build(deck.request(), deck.output());
        assertEquals(List.of("WARNING src/main/anki/a.csv:2: no \"Definition → Term\" card: Definition is empty"),
                texts(report.findings()));
        assertEquals(1, report.cards());
        try (ApkgContents apkg = new ApkgContents(deck.output(), dir)) {
            assertEquals(0, apkg.single("SELECT ord FROM cards"));
        }
    }

    @Test
    void rejectsDeckNamesAnkiWouldRewrite() {
        for (String name : List.of("", "  ", "A::", "::B", "A:: B", "A::::B")) {
            TestDecks deck = new TestDecks(dir);
            DeckRequest request = deck.request();
            DeckRequest renamed = new DeckRequest(name, "", request.identity(), request.cardFiles(), request.encoding(),
                    request.tags(), request.noteType(), request.duplicateTermSeverity(), request.buildTime());
            org.junit.jupiter.api.Assertions.assertThrows(DeckConfigurationException.class, () -> DeckBuilder.check(renamed), name);
        }
    }

    @Test
    void aCheckListsAThousandFindingsOfARuleAndThePreviewEveryOne() throws Exception {
        StringBuilder cards = new StringBuilder("Term,Definition\n");
        for (int row = 2; row < 1_104; row++) {
            cards.append("term ").append(row).append(",bell\u0001 ").append(row).append('\n');
        }
        TestDecks deck = new TestDecks(dir.resolve("many")).file("cards.csv", cards.toString());
        DeckReport checked = DeckBuilder.check(deck.request());
        assertEquals(1_001, checked.findings().size());
        assertEquals(1_102, checked.warningCount());
        DeckReport previewed = DeckBuilder.preview(deck.request(), dir.resolve("preview"));
        assertEquals(1_102, previewed.findings().size(), "the preview shows each finding beside its card");
        assertEquals(1_102, previewed.warningCount());
    }
}
