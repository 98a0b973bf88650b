package io.github.ankimaven.core.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ankimaven.core.DeckBuilder;
import io.github.ankimaven.core.DeckReport;
import io.github.ankimaven.core.DeckRequest;
import io.github.ankimaven.core.TestDecks;
import io.github.ankimaven.core.apkg.PackageWriter;
import io.github.ankimaven.core.apkg.StableIds;
import io.github.ankimaven.core.model.CardTemplate;
import io.github.ankimaven.core.model.Finding;
import io.github.ankimaven.core.model.NoteType;
import io.github.ankimaven.core.model.Severity;
import io.github.ankimaven.testsupport.ApkgContents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseTest {

    static final Instant RELEASE_1 = Instant.parse("2026-10-01T00:00:00Z");
    static final Instant RELEASE_2 = Instant.parse("2026-11-01T00:00:00Z");
    static final String IDENTITY = "com.example:test-deck";

    static final String CARDS_1 = "Term,Definition,tags\n"
            + "Alpha,first letter,greek\n"
            + "Beta,second letter,greek\n"
            + "Gamma,third letter,greek\n"
            + "Delta,fourth letter,greek\n"
            + "Colour,what we see,spelling\n";

    /** Release 2: Alpha's definition and Gamma's tags changed, Delta removed, Epsilon added, Colour renamed keeping its GUID. */
    static String cards2() {
        return "Term,Definition,tags,guid\n"
                + "Alpha,the first letter,greek,\n"
                + "Beta,second letter,greek,\n"
                + "Gamma,third letter,greek letters,\n"
                + "Color,what we see,spelling," + StableIds.guid(IDENTITY, "colour") + "\n"
                + "Epsilon,fifth letter,greek,\n";
    }

    @TempDir
    Path dir;

    private static List<String> texts(List<Finding> findings) {
        return findings.stream().map(f -> f.severity() + " " + f).toList();
    }

    /**
     * The notes a section of the release notes lists ("Added", "Changed" or "Removed"), without
     * Markdown emphasis: "Term" or, for changed notes, "[Old → ]Term: parts".
     */
    private static List<String> listed(DeckReport report, String section) throws Exception {
        List<String> lines = Files.readAllLines(PackageWriter.releaseNotesPath(report.packageFile()));
        int heading = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("## " + section + " (")) {
                heading = i;
            }
        }
        assertTrue(heading >= 0, "no section " + section);
        List<String> notes = new java.util.ArrayList<>();
        for (int i = heading + 2; i < lines.size() && lines.get(i).startsWith("- "); i++) {
            notes.add(lines.get(i).substring(2).replace("**", ""));
        }
        int count = Integer.parseInt(lines.get(heading).replaceAll("\\D", ""));
        assertEquals(count, notes.size(), "the count in the heading of " + section);
        return notes;
    }

    /** Builds a release from one card file; returns the report. */
    private DeckReport release(String name, String cards, Instant time, Path previous, boolean allowBreaking) throws Exception {
        TestDecks deck = new TestDecks(dir.resolve(name)).file("cards.csv", cards);
        DeckRequest request = deck.request().withBuildTime(time).withPreviousRelease(previous, allowBreaking);
        return DeckBuilder.build(request, dir.resolve(name + ".apkg"));
    }

    @Test
    void unchangedNotesKeepTheirModChangedAndNewNotesGetTheBuildTime() throws Exception {
        Path first = release("r1", CARDS_1, RELEASE_1, null, false).packageFile();
        DeckReport second = release("r2", cards2(), RELEASE_2, first, false);
        assertEquals(List.of(), texts(second.findings()));
        try (ApkgContents apkg = new ApkgContents(second.packageFile(), dir)) {
            Map<String, Long> mods = apkg.rows("SELECT sfld, mod FROM notes").stream()
                    .collect(Collectors.toMap(r -> String.valueOf(r.get("sfld")), r -> ((Number) r.get("mod")).longValue()));
            assertEquals(Map.of("Alpha", RELEASE_2.getEpochSecond(), "Beta", RELEASE_1.getEpochSecond(),
                    "Gamma", RELEASE_2.getEpochSecond(), "Color", RELEASE_2.getEpochSecond(),
                    "Epsilon", RELEASE_2.getEpochSecond()), mods);
            assertEquals(List.of(RELEASE_1.getEpochSecond(), RELEASE_1.getEpochSecond()),
                    apkg.rows("SELECT c.mod FROM cards c JOIN notes n ON n.id = c.nid WHERE n.sfld = 'Beta'").stream()
                            .map(r -> ((Number) r.get("mod")).longValue()).toList(), "cards follow their note");
            assertEquals(RELEASE_1.getEpochSecond(), apkg.colJson("models").elements().next().get("mod").asLong(),
                    "an unchanged note type keeps its mod, so Anki does not rewrite learners' templates");
        }
        ReleaseChanges changes = second.release();
        assertEquals(List.of("Epsilon"), listed(second, "Added"));
        assertEquals(List.of("Alpha: Definition", "Gamma: tags", "Colour → Color: Term"), listed(second, "Changed"));
        assertEquals(List.of("Delta"), listed(second, "Removed"));
        assertEquals(List.of(1, 3, 1, 1), List.of(changes.added(), changes.changed(), changes.removed(), changes.unchanged()));
    }

    @Test
    void releaseNotesListEveryChangeAndWhatLearnersShouldExpect() throws Exception {
        Path first = release("r1", CARDS_1, RELEASE_1, null, false).packageFile();
        DeckReport second = release("r2", cards2(), RELEASE_2, first, false);
        String notes = Files.readString(PackageWriter.releaseNotesPath(second.packageFile()));
        assertEquals("""
                # Test Deck: release notes for r2.apkg

                Compared with the previous release, `r1.apkg`.

                | Added | Changed | Removed | Unchanged | Notes in this release |
                | ---: | ---: | ---: | ---: | ---: |
                | 1 | 3 | 1 | 1 | 5 |

                ## Notes per deck

                | Deck | Notes | Added | Changed | Removed |
                | --- | ---: | ---: | ---: | ---: |
                | Test Deck | 5 | 1 | 3 | 1 |

                ## Added (1)

                - **Epsilon**

                ## Changed (3)

                - **Alpha**: Definition
                - **Gamma**: tags
                - **Colour** → **Color**: Term

                ## Removed (1)

                - **Delta**

                ## What learners should expect

                - New notes arrive as new cards.
                - Changed notes are updated in place: learners keep their review history, and their own edits to those notes are replaced by this release's text.
                - Unchanged notes are skipped by Anki ("already in your collection"), so learners' own edits to them stay.
                - Removed notes stay in learners' collections: Anki never deletes notes on import. Learners who want them gone delete them themselves.
                - Import the newest release only. Anki before 25.01 stamps the notes an import updates with the time of that import, so importing an older release after a newer one came out makes Anki skip the newer one's changes to those notes.
                """, notes);
    }

    @Test
    void aFirstReleaseSaysAllNotesAreNew() throws Exception {
        DeckReport first = release("r1", CARDS_1, RELEASE_1, null, false);
        String notes = Files.readString(PackageWriter.releaseNotesPath(first.packageFile()));
        assertTrue(notes.startsWith("# Test Deck: release notes for r1.apkg\n\nFirst release (no previous release to compare with):"
                + " all 5 notes are new.\n\n## Notes per deck\n\n"), notes);
        assertTrue(notes.contains("| Test Deck | 5 | 5 | 0 | 0 |"), notes);
    }

    @Test
    void aRenamedTermWithoutItsOldGuidFailsWithTheGuidToKeep() throws Exception {
        Path first = release("r1", CARDS_1, RELEASE_1, null, false).packageFile();
        DeckReport second = release("r2", CARDS_1.replace("Colour,", "Color,"), RELEASE_2, first, false);
        assertEquals(List.of("ERROR src/main/anki/cards.csv:6: \"Color\" looks like \"Colour\" of the previous release under a new"
                + " guid: learners would get a second note and the old one would keep the review history. To keep the note,"
                + " give this row the old guid " + StableIds.guid(IDENTITY, "colour") + " (a guid column; see README,"
                + " \"Renaming a term\"); if it really is a new note, set <allowBreakingChanges>"), texts(second.findings()));
        assertFalse(Files.exists(dir.resolve("r2.apkg")));
        assertFalse(Files.exists(PackageWriter.releaseNotesPath(dir.resolve("r2.apkg"))));
    }

    @Test
    void aTermRenamedWithItsDefinitionEditedGetsAWarning() throws Exception {
        Path first = release("r1", CARDS_1, RELEASE_1, null, false).packageFile();
        DeckReport second = release("r2", CARDS_1.replace("Colour,what we see,", "Color,what we see with our eyes,"),
                RELEASE_2, first, false);
        assertEquals(List.of("WARNING src/main/anki/cards.csv:6: \"Color\" may be \"Colour\" of the previous release, renamed,"
                + " with its other fields changed too: if so, give this row the old guid " + StableIds.guid(IDENTITY, "colour")
                + " (a guid column), or learners get a second note; if it is a new note, ignore this"), texts(second.findings()));
        assertNotNull(second.packageFile(), "a guess does not fail the build");
    }

    /** {@link #CARDS_1} with an empty guid column, and {@code row} (as it reads then) replaced by {@code replacement}. */
    private static String withGuidColumn(String row, String replacement) {
        return CARDS_1.replace("Term,Definition,tags\n", "Term,Definition,tags,guid\n").replace(",greek\n", ",greek,\n")
                .replace(",spelling\n", ",spelling,\n").replace(row, replacement);
    }

    @Test
    void aNewNoteWithANewGuidOfItsOwnIsNoRename() throws Exception {
        Path first = release("r1", CARDS_1, RELEASE_1, null, false).packageFile();
        DeckReport second = release("r2", withGuidColumn("Delta,fourth letter,greek,", "Digamma,fourth letter,greek,digamma-2026"),
                RELEASE_2, first, false);
        assertEquals(List.of(), texts(second.findings()), "the author gave it a guid of its own: a new note, not a rename");
        assertEquals(List.of("Digamma"), listed(second, "Added"));
    }

    @Test
    void aGuidCellThatGivesAReleasedNoteANewGuidFailsWithTheGuidToKeep() throws Exception {
        Path first = release("r1", CARDS_1, RELEASE_1, null, false).packageFile();
        String cards = withGuidColumn("Alpha,first letter,greek,", "Alpha,first letter,greek,alpha-001");
        DeckReport second = release("r2", cards, RELEASE_2, first, false);
        assertEquals(List.of("ERROR src/main/anki/cards.csv:2: \"Alpha\" has the guid alpha-001 in its guid cell, but the previous"
                + " release has this note (the same term and fields) with guid " + StableIds.guid(IDENTITY, "alpha") + ", which"
                + " this build no longer has: learners would get a second note and the old one would keep the review history."
                + " Write " + StableIds.guid(IDENTITY, "alpha") + " in its guid cell; if it really is a new note, set"
                + " <allowBreakingChanges>"), texts(second.findings()));
        String fixed = cards.replace("alpha-001", StableIds.guid(IDENTITY, "alpha"));
        assertEquals(List.of(), texts(release("r3", fixed, RELEASE_2, first, false).findings()), "the old guid in the cell is fine");
    }

    @Test
    void aNoteTypeChangedAgainWithoutANewerTimestampFails() throws Exception {
        NoteType standard = NoteType.termDefinition();
        NoteType navy = new NoteType(standard.name(), standard.fields(), standard.templates(), ".card { color: navy; }", 0);
        NoteType teal = new NoteType(standard.name(), standard.fields(), standard.templates(), ".card { color: teal; }", 0);
        Path first = release("s1", CARDS_1, standard, RELEASE_1, null).packageFile();
        Path second = release("s2", CARDS_1, navy, RELEASE_2, first).packageFile(); // only the styling changed: no note is newer
        DeckReport third = release("s3", CARDS_1, teal, RELEASE_2, second);
        assertEquals(List.of("ERROR s2.apkg: note type \"Term-Definition\" changed, but this build's timestamp"
                + " (2026-11-01T00:00:00Z) is not later than the note type's in the previous release (2026-11-01T00:00:00Z):"
                + " Anki would keep learners' old templates and styling; advance project.build.outputTimestamp"),
                texts(third.findings()));
        assertEquals(List.of(), texts(release("s4", CARDS_1, navy, RELEASE_2, second).findings()),
                "nothing changed since: the same timestamp is fine");
    }

    @Test
    void allowingBreakingChangesTurnsTheGateIntoWarnings() throws Exception {
        Path first = release("r1", CARDS_1, RELEASE_1, null, false).packageFile();
        DeckReport second = release("r2", CARDS_1.replace("Colour,", "Color,"), RELEASE_2, first, true);
        assertEquals(1, second.findings().size());
        assertEquals("WARNING", second.findings().get(0).severity().name());
        assertNotNull(second.packageFile());
        assertEquals(List.of("Color"), listed(second, "Added"));
    }

    @Test
    void aTimestampNotLaterThanThePreviousReleaseFails() throws Exception {
        Path first = release("r1", CARDS_1, RELEASE_1, null, false).packageFile();
        DeckReport again = release("r2", cards2(), RELEASE_1, first, false);
        assertEquals(List.of("ERROR r1.apkg: this build's timestamp (2026-10-01T00:00:00Z) is not later than the previous"
                + " release's newest note (2026-10-01T00:00:00Z): Anki would ignore every change; advance"
                + " project.build.outputTimestamp"), texts(again.findings()));
    }

    @Test
    void aChangedNoteTypeSchemaFailsAndSaysWhatLearnersWouldSuffer() throws Exception {
        Path first = release("r1", CARDS_1, RELEASE_1, null, false).packageFile();
        NoteType standard = NoteType.termDefinition();
        NoteType renamedField = new NoteType(standard.name(), List.of("Term", "Meaning"),
                List.of(new CardTemplate("Term → Definition", "{{Term}}", "{{Meaning}}"),
                        new CardTemplate("Definition → Term", "{{Meaning}}", "{{Term}}")), standard.css(), 0);
        TestDecks deck = new TestDecks(dir.resolve("r2")).file("cards.csv", CARDS_1.replace("Definition", "Meaning"));
        DeckRequest base = deck.request();
        DeckRequest request = new DeckRequest(base.deckName(), base.descriptionHtml(), base.identity(), base.cardFiles(),
                base.encoding(), base.tags(), renamedField, base.duplicateTermSeverity(), RELEASE_2)
                .withPreviousRelease(first, false);
        DeckReport report = DeckBuilder.build(request, dir.resolve("r2.apkg"));
        assertEquals(List.of("ERROR r1.apkg: note type \"Term-Definition\" changed its fields [Term, Definition] → [Term, Meaning]"
                + " or card templates [Term → Definition, Definition → Term] → [Term → Definition, Definition → Term]: learners'"
                + " Anki would make a conflicting copy of the note type and stop updating their notes. Keep field and template"
                + " names and order as released; if the change is unavoidable, set <allowBreakingChanges> and tell learners to"
                + " import with \"merge note types\" (Anki 23.10+)"), texts(report.findings()));
    }

    /** Builds a release with {@code noteType} as the deck's note type. */
    private DeckReport release(String name, String cards, NoteType noteType, Instant time, Path previous) throws Exception {
        TestDecks deck = new TestDecks(dir.resolve(name)).file("cards.csv", cards);
        DeckRequest base = deck.request();
        DeckRequest request = new DeckRequest(base.deckName(), base.descriptionHtml(), base.identity(), base.cardFiles(),
                base.encoding(), base.tags(), noteType, base.duplicateTermSeverity(), time).withPreviousRelease(previous, false);
        return DeckBuilder.build(request, dir.resolve(name + ".apkg"));
    }

    private static NoteType sortedByDefinition() {
        NoteType standard = NoteType.termDefinition();
        return new NoteType(standard.name(), standard.fields(), standard.templates(), standard.css(), 1);
    }

    @Test
    void aRenamedTermIsFoundByTheOtherFieldsWhateverTheSortField() throws Exception {
        Path first = release("r1", CARDS_1, sortedByDefinition(), RELEASE_1, null).packageFile();
        DeckReport second = release("r2", CARDS_1.replace("fourth letter", "the fourth letter"), sortedByDefinition(),
                RELEASE_2, first);
        assertEquals(List.of("ERROR src/main/anki/cards.csv:5: \"the fourth letter\" looks like \"fourth letter\" of the"
                + " previous release under a new guid: learners would get a second note and the old one would keep the review"
                + " history. To keep the note, give this row the old guid " + StableIds.guid(IDENTITY, "fourth letter")
                + " (a guid column; see README, \"Renaming a term\"); if it really is a new note, set <allowBreakingChanges>"),
                texts(second.findings()), "the sort field is the term: Delta, left out before, is what stayed");
    }

    @Test
    void aChangedSortFieldIsNamedAsTheCauseOfTheNewGuids() throws Exception {
        Path first = release("r1", CARDS_1, NoteType.termDefinition(), RELEASE_1, null).packageFile();
        DeckReport second = release("r2", CARDS_1, sortedByDefinition(), RELEASE_2, first);
        assertTrue(texts(second.findings()).contains("WARNING r1.apkg: note type \"Term-Definition\" changed its sort field"
                + " from \"Term\" to \"Definition\": the guid of a note without a guid cell derives from its sort field (the"
                + " term), so learners would get each such note a second time and keep the review history on the first. Keep"
                + " the sort field as released"), texts(second.findings()).toString());
        assertTrue(second.hasErrors(), "and the notes it would duplicate fail the gate");
    }

    @Test
    void anAllowedNoteTypeChangeTellsLearnersToMergeNoteTypes() throws Exception {
        Path first = release("r1", CARDS_1, RELEASE_1, null, false).packageFile();
        NoteType standard = NoteType.termDefinition();
        NoteType reordered = new NoteType(standard.name(), List.of("Term", "Meaning"), List.of(
                new CardTemplate("Term → Definition", "{{Term}}", "{{Meaning}}"),
                new CardTemplate("Definition → Term", "{{Meaning}}", "{{Term}}")), standard.css(), 0);
        TestDecks deck = new TestDecks(dir.resolve("r2")).file("cards.csv", CARDS_1.replace("Definition", "Meaning")
                .replace("first letter", "the first letter"));
        DeckRequest base = deck.request();
        DeckRequest request = new DeckRequest(base.deckName(), base.descriptionHtml(), base.identity(), base.cardFiles(),
                base.encoding(), base.tags(), reordered, base.duplicateTermSeverity(), RELEASE_2).withPreviousRelease(first, true);
        DeckReport report = DeckBuilder.build(request, dir.resolve("r2.apkg"));
        String notes = Files.readString(PackageWriter.releaseNotesPath(report.packageFile()));
        assertTrue(notes.contains("- **The note type \"Term-Definition\" changed its fields, card templates or kind.** Learners"
                + " must tick \"Merge note types\" when they import (Anki 23.10 and later)"), notes);
        assertFalse(notes.contains("Changed notes are updated in place"), notes);
    }

    @Test
    void aChangedUnderscoreMediaFileThatKeptItsNameFails() throws Exception {
        TestDecks one = new TestDecks(dir.resolve("m1")).file("cards.csv", CARDS_1)
                .media("_deck.css", ".card { color: navy; }".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path first = DeckBuilder.build(one.requestWithMedia().withBuildTime(RELEASE_1), dir.resolve("m1.apkg")).packageFile();
        TestDecks two = new TestDecks(dir.resolve("m2")).file("cards.csv", CARDS_1)
                .media("_deck.css", ".card { color: teal; }".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        DeckReport second = DeckBuilder.build(two.requestWithMedia().withBuildTime(RELEASE_2).withPreviousRelease(first, false),
                dir.resolve("m2.apkg"));
        assertEquals(List.of("ERROR m1.apkg: media file _deck.css changed but kept its name: learners who have it never get the"
                + " new content (Anki keeps existing files that start with _); rename it, e.g. with a version or content hash in"
                + " its name"), texts(second.findings()));
        TestDecks renamed = new TestDecks(dir.resolve("m3")).file("cards.csv", CARDS_1)
                .media("_deck-v2.css", ".card { color: teal; }".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(List.of(), texts(DeckBuilder.build(renamed.requestWithMedia().withBuildTime(RELEASE_2)
                .withPreviousRelease(first, false), dir.resolve("m3.apkg")).findings()), "a new name is fine");
    }

    @Test
    void aChangedMediaFileThatKeptItsNameFails() throws Exception {
        String cards = CARDS_1.replace("first letter", "first letter [sound:alpha.wav]");
        TestDecks one = new TestDecks(dir.resolve("n1")).file("cards.csv", cards).media("alpha.wav", new byte[] {1, 2, 3});
        Path first = DeckBuilder.build(one.requestWithMedia().withBuildTime(RELEASE_1), dir.resolve("n1.apkg")).packageFile();
        TestDecks two = new TestDecks(dir.resolve("n2")).file("cards.csv", cards).media("alpha.wav", new byte[] {1, 2, 4});
        DeckReport second = DeckBuilder.build(two.requestWithMedia().withBuildTime(RELEASE_2).withPreviousRelease(first, false),
                dir.resolve("n2.apkg"));
        assertEquals(List.of("ERROR n1.apkg: media file alpha.wav changed but kept its name: learners who have it get the new"
                + " content only with notes that change in this release (Anki copies media with added and updated notes only);"
                + " rename it, e.g. with a version or content hash in its name, and refer to the new name"),
                texts(second.findings()));
        TestDecks same = new TestDecks(dir.resolve("n3")).file("cards.csv", cards).media("alpha.wav", new byte[] {1, 2, 3});
        assertEquals(List.of(), texts(DeckBuilder.build(same.requestWithMedia().withBuildTime(RELEASE_2)
                .withPreviousRelease(first, false), dir.resolve("n3.apkg")).findings()), "the same bytes are fine");
    }

    @Test
    void aNoteThatChangesItsNoteTypeFailsForEachNote() throws Exception {
        Path first = release("t1", CARDS_1, RELEASE_1, null, false).packageFile();
        String basic = "#notetype: basic\n" + CARDS_1.replace("Term,Definition,tags", "Front,Back,tags");
        DeckReport second = release("t2", basic, RELEASE_2, first, false);
        List<String> changes = texts(second.findings()).stream().filter(f -> f.contains("is a \"Basic")).toList();
        assertEquals(5, changes.size(), () -> texts(second.findings()).toString());
        assertEquals("ERROR src/main/anki/cards.csv:3: \"Alpha\" was a \"Term-Definition\" note in t1.apkg and is a"
                + " \"Basic (Test Deck)\" note now: learners' Anki cannot change a note's type on import, so it reports a"
                + " conflict and never updates their note. Keep the note type of released notes (a renamed note type is a new"
                + " one); to make it a new note instead, give the row a new guid (learners keep the old note)", changes.get(0));
    }

    @Test
    void releaseNotesSayThatNotesOfAnotherNoteTypeAreNotUpdated() throws Exception {
        Path first = release("t1", CARDS_1, RELEASE_1, null, false).packageFile();
        String basic = "#notetype: basic\n" + CARDS_1.replace("Term,Definition,tags", "Front,Back,tags");
        DeckReport second = release("t2", basic, RELEASE_2, first, true);
        String notes = Files.readString(PackageWriter.releaseNotesPath(second.packageFile()));
        assertTrue(notes.contains("- **5 changed notes are of another note type than before** (\"note type\" among their changes)."
                + " Anki cannot change a note's type on import: it reports these notes as conflicting and leaves learners'"
                + " copies as they were, so their changes do not reach learners.\n"), notes);
        assertFalse(notes.contains("notes are updated in place"), "every changed note is of another note type: none is updated");
    }

    @Test
    void aCardFileSavedWithoutAColumnThatReleasedNotesFilledFails() throws Exception {
        Path first = release("e1", CARDS_1, RELEASE_1, null, false).packageFile();
        String withoutDefinitions = "Term,tags\nAlpha,greek\nBeta,greek\nGamma,greek\nDelta,greek\nColour,spelling\n";
        DeckReport second = release("e2", withoutDefinitions, RELEASE_2, first, false);
        assertTrue(texts(second.findings()).contains("ERROR src/main/anki/cards.csv: no Definition column, so 5 notes that have a"
                + " Definition in e1.apkg would lose it for learners: add the column back; if the field is meant to be emptied,"
                + " keep the column with empty cells"), texts(second.findings()).toString());
        assertTrue(second.hasErrors());
        String oneCleared = CARDS_1.replace("Alpha,first letter,", "Alpha,,");
        assertEquals(List.of("WARNING src/main/anki/cards.csv:2: no \"Definition → Term\" card: Definition is empty"),
                texts(release("e3", oneCleared, RELEASE_2, first, false).findings()),
                "a definition emptied in one note, others still filled: an edit like any other");
    }

    /** A release of the given card files, duplicate terms allowed as warnings (each such note with a guid cell). */
    private DeckReport releaseOfFiles(String name, Map<String, String> files, Instant time, Path previous) throws Exception {
        TestDecks deck = new TestDecks(dir.resolve(name));
        for (Map.Entry<String, String> file : new java.util.TreeMap<>(files).entrySet()) {
            deck.file(file.getKey(), file.getValue());
        }
        DeckRequest request = deck.request(Severity.WARNING).withBuildTime(time).withPreviousRelease(previous, false);
        return DeckBuilder.build(request, dir.resolve(name + ".apkg"));
    }

    /** The second of two releases of one card file with a guid column, given the rows of each. */
    private DeckReport secondRelease(String name, String firstRows, String secondRows) throws Exception {
        String header = "Term,Definition,tags,guid\n";
        Path first = releaseOfFiles(name + "1", Map.of("cards.csv", header + firstRows), RELEASE_1, null).packageFile();
        return releaseOfFiles(name + "2", Map.of("cards.csv", header + secondRows), RELEASE_2, first);
    }

    private static List<String> ofRule(DeckReport report, String rule) {
        return texts(report.findings().stream().filter(f -> f.rule().equals(rule)).toList());
    }

    @Test
    void notesOfOneTermThatGetNewGuidCellsAreEachToldTheirOwnOldGuid() throws Exception {
        DeckReport second = secondRelease("b", "bank,edge of a river,,\nbank,place for money,,bank-money\nAlpha,first letter,greek,\n",
                "bank,edge of a river,,b-001\nbank,place for money,,b-002\nAlpha,first letter,greek,\n");
        List<String> renamed = ofRule(second, "renamed-note");
        assertEquals(2, renamed.size(), renamed.toString());
        assertTrue(renamed.get(0).contains("Write " + StableIds.guid(IDENTITY, "bank") + " in its guid cell"), renamed.get(0));
        assertTrue(renamed.get(1).contains("Write bank-money in its guid cell"), renamed.get(1));
    }

    @Test
    void aNewNoteOfARemovedTermWithAGuidCellOfItsOwnIsOnlyAWarning() throws Exception {
        DeckReport second = secondRelease("v", "bank,edge of a river,,\nAlpha,first letter,greek,\n",
                "bank,to keep money at a bank,,bank-verb\nAlpha,first letter,greek,\n");
        assertEquals(List.of("WARNING src/main/anki/cards.csv:2: \"bank\" has a guid cell of its own (bank-verb), and the previous"
                + " release had a note of this term with guid " + StableIds.guid(IDENTITY, "bank") + ", which this build no longer"
                + " has: if this row is that note, write " + StableIds.guid(IDENTITY, "bank") + " in its guid cell, or learners"
                + " get a second note; if it is a new note, ignore this"), texts(second.findings()));
    }

    @Test
    void termsAreComparedAsWrittenNotAsAnkiStoresNumbers() throws Exception {
        DeckReport second = secondRelease("n", "007,James Bond,,bond\n20,calling code of Egypt,,\n",
                "007,James Bond,,bond-2\n020,area code of London,,london-020\n");
        List<String> renamed = ofRule(second, "renamed-note");
        assertEquals(1, renamed.size(), "020 is not 20: " + renamed);
        assertTrue(renamed.get(0).startsWith("ERROR src/main/anki/cards.csv:2: \"007\" has the guid bond-2"), renamed.get(0));
    }

    @Test
    void oneCardFileOfSeveralSavedWithoutAColumnFailsAndAnEmptiedColumnDoesNot() throws Exception {
        Map<String, String> files = Map.of("greek.csv", "Term,Definition,tags\nAlpha,first letter,greek\nBeta,second letter,greek\n",
                "words.csv", "Term,Definition,tags\nColour,what we see,spelling\nSound,what we hear,\n");
        Path first = releaseOfFiles("f1", files, RELEASE_1, null).packageFile();
        DeckReport second = releaseOfFiles("f2", Map.of("greek.csv", "Term,tags\nAlpha,greek\nBeta,greek\n",
                "words.csv", files.get("words.csv")), RELEASE_2, first);
        assertEquals(List.of("ERROR src/main/anki/greek.csv: no Definition column, so 2 notes that have a Definition in f1.apkg"
                + " would lose it for learners: add the column back; if the field is meant to be emptied, keep the column with"
                + " empty cells"), ofRule(second, "emptied-field"));
        DeckReport emptied = releaseOfFiles("f3", Map.of("greek.csv", "Term,Definition,tags\nAlpha,,greek\nBeta,,greek\n",
                "words.csv", files.get("words.csv")), RELEASE_2, first);
        assertEquals(List.of(), ofRule(emptied, "emptied-field"), "the column is there: emptying it is the author's edit");
    }

    @Test
    void aNoteTypeThatNoNoteUsesNeedsNoNewerTimestamp() throws Exception {
        NoteType standard = NoteType.termDefinition();
        NoteType teal = new NoteType(standard.name(), standard.fields(), standard.templates(), ".card { color: teal; }", 0);
        NoteType navy = new NoteType(standard.name(), standard.fields(), standard.templates(), ".card { color: navy; }", 0);
        String basic = "#notetype: basic\n" + CARDS_1.replace("Term,Definition,tags", "Front,Back,tags");
        Path first = release("d1", basic, standard, RELEASE_1, null).packageFile();
        Path second = release("d2", basic, teal, RELEASE_1.plusSeconds(1), first).packageFile();
        assertEquals(List.of(), ofRule(release("d3", basic, navy, RELEASE_1.plusSeconds(1), second), "release-timestamp"),
                "the default note type's styling changed, but no note is of that type");
    }

    @Test
    void aNewNoteOfAnotherNoteTypeWithARemovedNotesOtherFieldsIsNoRename() throws Exception {
        Path first = releaseOfFiles("k1", Map.of("cards.csv", CARDS_1), RELEASE_1, null).packageFile();
        DeckReport second = releaseOfFiles("k2", Map.of("cards.csv", CARDS_1.replace("Alpha,first letter,greek\n", ""),
                "basic.csv", "#notetype: basic\nFront,Back\nA,first letter\n"), RELEASE_2, first);
        assertEquals(List.of(), ofRule(second, "renamed-note"), "a Basic note cannot take over a Term-Definition note's guid");
        assertEquals(List.of("A"), listed(second, "Added"));
    }

    @Test
    void aPreviousReleaseOfAnotherDeckFails() throws Exception {
        Path first = release("u1", CARDS_1, RELEASE_1, null, false).packageFile();
        DeckRequest base = new TestDecks(dir.resolve("u2")).file("cards.csv", CARDS_1).request();
        DeckRequest other = new DeckRequest(base.deckName(), base.descriptionHtml(), "com.example:other-deck", base.cardFiles(),
                base.encoding(), base.tags(), base.noteType(), base.duplicateTermSeverity(), RELEASE_2).withPreviousRelease(first, false);
        DeckReport report = DeckBuilder.build(other, dir.resolve("u2.apkg"));
        assertEquals(List.of("ERROR u1.apkg: no note of this build has the guid of a note of u1.apkg (5 notes), so learners"
                + " would get every note a second time: either it is not this deck's last package, or what the guids derive"
                + " from changed (<deckIdentity>, a classifier added with <decks>, every term). Point <previousRelease> at this"
                + " deck's last package and keep its identity; if this really is a new deck, set <allowBreakingChanges>"),
                texts(report.findings()).stream().filter(f -> f.contains("no note of this build")).toList());
    }

    @Test
    void aNoteTypeThatSwitchesBetweenStandardAndClozeFails() throws Exception {
        List<CardTemplate> templates = List.of(new CardTemplate("Card 1", "{{cloze:Text}}", "{{cloze:Text}}<br>{{Extra}}"));
        NoteType standard = new NoteType("Vocab", List.of("Text", "Extra"), templates, NoteType.termDefinition().css(), 0);
        NoteType cloze = new NoteType("Vocab", "Vocab", io.github.ankimaven.core.template.NoteKind.CLOZE, standard.fields(),
                templates, standard.css(), 0, null);
        String cards = "Text,Extra\n{{c1::Paris}} is the capital of France,geography\n";
        Path first = DeckBuilder.build(withNoteType(new TestDecks(dir.resolve("k1")).file("cards.csv", cards).request(), standard,
                RELEASE_1), dir.resolve("k1.apkg")).packageFile();
        DeckReport second = DeckBuilder.build(withNoteType(new TestDecks(dir.resolve("k2")).file("cards.csv", cards).request(), cloze,
                RELEASE_2).withPreviousRelease(first, false), dir.resolve("k2.apkg"));
        assertEquals(List.of("ERROR k1.apkg: note type \"Vocab\" was a standard note type and is a cloze one now: learners'"
                + " Anki would make a conflicting copy of the note type and stop updating their notes. Keep the kind of a"
                + " released note type; for the other kind, declare a new note type"),
                texts(second.findings()).stream().filter(f -> f.contains("note type \"Vocab\"")).toList());
    }

    private static DeckRequest withNoteType(DeckRequest base, NoteType noteType, Instant time) {
        return new DeckRequest(base.deckName(), base.descriptionHtml(), base.identity(), base.cardFiles(), base.encoding(),
                base.tags(), noteType, base.duplicateTermSeverity(), time);
    }

    @Test
    void aNoteThatOnlyMovedToAnotherDeckKeepsItsModAndLearnersAreToldTheirCardsStay() throws Exception {
        Path first = release("v1", CARDS_1, RELEASE_1, null, false).packageFile();
        String moved = CARDS_1.replace("Term,Definition,tags\n", "Term,Definition,tags,deck\n").replace("greek\n", "greek,\n")
                .replace("Alpha,first letter,greek,", "Alpha,first letter,greek,Letters")
                .replace("Beta,second letter,greek,", "Beta,the second letter,greek,Letters")
                .replace("spelling\n", "spelling,\n");
        DeckReport second = release("v2", moved, RELEASE_2, first, false);
        assertEquals(List.of("WARNING v1.apkg: 2 notes moved from deck \"Test Deck\" to \"Test Deck::Letters\": learners who"
                + " imported v1.apkg keep their cards in \"Test Deck\" (Anki never moves cards on import; the release notes tell"
                + " them how to move them)"), texts(second.findings()));
        try (ApkgContents apkg = new ApkgContents(second.packageFile(), dir)) {
            assertEquals(List.of(RELEASE_1.getEpochSecond()), apkg.rows("SELECT mod FROM notes WHERE sfld = 'Alpha'").stream()
                    .map(r -> ((Number) r.get("mod")).longValue()).toList(),
                    "only moved: an update would move nothing and replace the learner's edits");
        }
        assertEquals(List.of("Beta: Definition, deck"), listed(second, "Changed"));
        assertEquals(List.of(new ReleaseChanges.Move("Test Deck", "Test Deck::Letters", 2)), second.release().moves());
        String notes = Files.readString(PackageWriter.releaseNotesPath(second.packageFile()));
        assertTrue(notes.contains("## Moved to another deck\n\n- 2 notes from **Test Deck** to **Test Deck::Letters**\n"), notes);
        assertTrue(notes.contains("- Notes moved to another deck keep their cards in the deck where learners have them"), notes);
    }

    @Test
    void anEditedClozeTextIsALikelyRenameWithTheGuidToKeep() throws Exception {
        String before = "#notetype: cloze\nText,Back Extra\n{{c1::Paris}} is the capitol of France,\n"
                + "{{c1::Rome}} is the capital of Italy,\n";
        Path first = release("z1", before, RELEASE_1, null, false).packageFile();
        String oldGuid;
        try (ApkgContents apkg = new ApkgContents(first, dir)) {
            oldGuid = String.valueOf(apkg.single("SELECT guid FROM notes WHERE sfld LIKE '%Paris%'"));
        }
        String after = before.replace("capitol", "capital") + "{{c1::Madrid}} is the capital of Spain,\n";
        DeckReport second = release("z2", after, RELEASE_2, first, false);
        assertEquals(List.of("ERROR src/main/anki/cards.csv:3: \"{{c1::Paris}} is the capital of France\" looks like"
                + " \"{{c1::Paris}} is the capitol of France\" of the previous release under a new guid: learners would get a"
                + " second note and the old one would keep the review history. To keep the note, give this row the old guid "
                + oldGuid + " (a guid column; see README, \"Renaming a term\"); if it really is a new note, set"
                + " <allowBreakingChanges>"), texts(second.findings()), "Madrid is a new note, Rome is unchanged");
        DeckReport kept = release("z3", "#notetype: cloze\nText,Back Extra,guid\n{{c1::Paris}} is the capital of France,,"
                + oldGuid + "\n{{c1::Rome}} is the capital of Italy,,\n", RELEASE_2, first, false);
        assertEquals(List.of(), texts(kept.findings()), "with the old guid it is the same note, changed");
        assertEquals(List.of("{{c1::Paris}} is the capitol of France → {{c1::Paris}} is the capital of France: Text"),
                listed(kept, "Changed"));
    }

    @Test
    void theSameInputsAndPreviousReleaseGiveTheSameBytesInAnyTimeZone() throws Exception {
        Path first = release("r1", CARDS_1, RELEASE_1, null, false).packageFile();
        TimeZone original = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Auckland"));
            byte[] a = Files.readAllBytes(release("a", cards2(), RELEASE_2, first, false).packageFile());
            TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
            byte[] b = Files.readAllBytes(release("b", cards2(), RELEASE_2, first, false).packageFile());
            assertEquals(sha256(a), sha256(b));
        } finally {
            TimeZone.setDefault(original);
        }
    }

    @Test
    void anOddPreviousReleaseIsComparedLikeAnyOther() throws Exception {
        // Fields stored as a blob (SQLite's = says "different", the row-by-row comparison "same"),
        // and a copy of Beta under its GUID with an older mod: the first note of a GUID wins.
        Path first = release("r1", CARDS_1, RELEASE_1, null, false).packageFile();
        patchCollection(first,
                "UPDATE notes SET flds = CAST(flds AS BLOB) WHERE sfld = 'Gamma'",
                "INSERT INTO notes SELECT id + 1000, guid, mid, mod - 100, usn, tags, flds, sfld, csum, flags, data FROM notes"
                        + " WHERE sfld = 'Beta'",
                "INSERT INTO cards SELECT c.id + 1000, c.nid + 1000, did, ord, c.mod, c.usn, type, queue, due, ivl, factor, reps,"
                        + " lapses, left, odue, odid, c.flags, c.data FROM cards c JOIN notes n ON n.id = c.nid"
                        + " WHERE n.sfld = 'Beta' AND n.id < (SELECT max(id) FROM notes)");
        DeckReport second = release("r2", CARDS_1.replace("first letter", "the first letter"), RELEASE_2, first, false);
        assertEquals(List.of(), texts(second.findings()));
        try (ApkgContents apkg = new ApkgContents(second.packageFile(), dir)) {
            assertEquals(Map.of("Alpha", RELEASE_2.getEpochSecond(), "Beta", RELEASE_1.getEpochSecond(),
                    "Gamma", RELEASE_1.getEpochSecond(), "Delta", RELEASE_1.getEpochSecond(), "Colour", RELEASE_1.getEpochSecond()),
                    apkg.rows("SELECT sfld, mod FROM notes").stream().collect(Collectors.toMap(r -> String.valueOf(r.get("sfld")),
                            r -> ((Number) r.get("mod")).longValue())));
            assertEquals(List.of(RELEASE_1.getEpochSecond(), RELEASE_1.getEpochSecond()),
                    apkg.rows("SELECT c.mod FROM cards c JOIN notes n ON n.id = c.nid WHERE n.sfld = 'Gamma'").stream()
                            .map(r -> ((Number) r.get("mod")).longValue()).toList(), "cards of a note kept row by row follow it");
        }
        assertEquals(List.of("Alpha: Definition"), listed(second, "Changed"));
        assertEquals(List.of(0, 1, 0, 4), List.of(second.release().added(), second.release().changed(),
                second.release().removed(), second.release().unchanged()));
    }

    @Test
    void aReleaseThatRenamesEveryNoteListsAThousandLikelyRenamesAndCountsTheRest() throws Exception {
        int notes = 1_100; // more than a JDBC batch (1,024) of rename candidates
        StringBuilder before = new StringBuilder("Term,Definition\n");
        StringBuilder after = new StringBuilder("Term,Definition\n");
        for (int i = 0; i < notes; i++) {
            before.append("Term ").append(i).append(",definition ").append(i).append('\n');
            after.append("Renamed ").append(i).append(",definition ").append(i).append('\n');
        }
        Path first = release("r1", before.toString(), RELEASE_1, null, false).packageFile();
        DeckReport second = release("r2", after.toString(), RELEASE_2, first, true);
        assertEquals(List.of("unrelated-release"), second.findings().stream().map(Finding::rule)
                .filter(rule -> !rule.equals("renamed-note")).toList(), "no guid is left: every term was renamed");
        List<Finding> findings = second.findings().stream().filter(f -> f.rule().equals("renamed-note")).toList();
        assertEquals(1_001, findings.size());
        assertTrue(findings.stream().allMatch(f -> f.rule().equals("renamed-note") && !f.isError()));
        assertTrue(findings.get(999).toString().startsWith("src/main/anki/cards.csv:1001: \"Renamed 999\" looks like"
                + " \"Term 999\""), findings.get(999).toString());
        assertEquals("src/main/anki/cards.csv:1002: 100 more warnings \"renamed-note\" in this file, from here on, are not"
                + " listed (1100 in all; only the first 1000 are): fix those and build again to see the rest", findings.get(1_000).toString());
        List<String> added = listed(second, "Added");
        assertEquals(notes, added.size());
        assertEquals(List.of("Renamed 0", "Renamed 1099"), List.of(added.get(0), added.get(notes - 1)));
        List<String> removed = listed(second, "Removed");
        assertEquals(List.of("Term 0", "Term 1099"), List.of(removed.get(0), removed.get(notes - 1)));
        assertEquals(List.of(notes, 0, notes, 0), List.of(second.release().added(), second.release().changed(),
                second.release().removed(), second.release().unchanged()));
    }

    @Test
    void removedNotesAreListedInThePreviousReleasesOrder() throws Exception {
        // Their GUIDs sort the other way round (Colour's "aHwe…" first), which must not matter.
        Path first = release("r1", CARDS_1, RELEASE_1, null, false).packageFile();
        DeckReport second = release("r2", "Term,Definition,tags\nAlpha,first letter,greek\nBeta,second letter,greek\n",
                RELEASE_2, first, false);
        assertEquals(List.of("Gamma", "Delta", "Colour"), listed(second, "Removed"));
        assertEquals(2, second.release().unchanged());
    }

    /** Runs SQL on the collection inside a package, as a hand-made or other tool's package might differ. */
    private void patchCollection(Path apkg, String... sql) throws Exception {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(apkg.toFile())) {
            for (var entry : java.util.Collections.list(zip.entries())) {
                entries.put(entry.getName(), zip.getInputStream(entry).readAllBytes());
            }
        }
        Path collection = dir.resolve("patched.anki2");
        Files.write(collection, entries.get("collection.anki2"));
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + collection);
                var statement = connection.createStatement()) {
            for (String query : sql) {
                statement.execute(query);
            }
        }
        entries.put("collection.anki2", Files.readAllBytes(collection));
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(apkg))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new java.util.zip.ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
