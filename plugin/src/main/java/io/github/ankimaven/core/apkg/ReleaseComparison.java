package io.github.ankimaven.core.apkg;

import io.github.ankimaven.core.model.Finding;
import io.github.ankimaven.core.model.NoteType;
import io.github.ankimaven.core.model.Severity;
import io.github.ankimaven.core.model.SourceLocation;
import io.github.ankimaven.core.release.NoteChange;
import io.github.ankimaven.core.release.PreviousRelease;
import io.github.ankimaven.core.release.ReleaseChanges.DeckCounts;
import io.github.ankimaven.core.release.ReleaseChanges;
import io.github.ankimaven.core.release.ReleaseNotes.ChangeLists;
import io.github.ankimaven.core.template.NoteKind;
import io.github.ankimaven.core.text.AnkiText;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Compares the notes just written with the previous release, inside SQLite so that memory does
 * not grow with the deck: a note whose fields, tags, deck and note type are unchanged keeps the
 * previous release's {@code mod} (Anki then skips it, keeping the learner's edits); a changed or
 * new note keeps this build's timestamp (Anki updates it). Also runs the compatibility gate.
 */
final class ReleaseComparison {

    private static final String FIELD_SEPARATOR = "\u001f";
    /** Rows per JDBC batch: the driver holds a batch's values in memory until it runs. */
    private static final int BATCH = 1024;

    private final Connection db;
    private final DeckLayout layout;
    private final Map<String, Integer> notesPerDeck;
    private final Set<NoteType> usedNoteTypes;
    private final Map<String, Set<String>> fieldsWithoutColumn;
    /** Per card file and field it has no column for, the changed notes that had the field filled before. */
    private final Map<List<String>, Integer> emptiedForWantOfColumn = new TreeMap<>(Comparator
            .comparing((List<String> fileAndField) -> fileAndField.get(0)).thenComparing(fileAndField -> fileAndField.get(1)));
    private final List<NoteType> noteTypes;
    private final Map<Long, Integer> sortFieldByNoteType = new HashMap<>();
    private final List<String> changedNoteTypes = new ArrayList<>();
    private final List<NoteChange> someRemoved = new ArrayList<>();
    private final List<NoteChange> someAdded = new ArrayList<>();
    private final Consumer<Finding> findings;
    private final Severity gateSeverity;
    /** Removed notes whose other fields are not blank: what an added note may be a rename of. */
    private int renameCandidates;
    /**
     * Removed notes with nothing beyond the term (a cloze note's text, say), the first
     * {@value #MAX_SIMILAR}: an added note whose term is nearly the same is likely an edit of one.
     */
    private final List<RemovedTerm> removedTerms = new ArrayList<>();
    /** Removed notes with other fields, the first {@value #MAX_SIMILAR}: for renames whose other fields changed too. */
    private final List<RemovedTerm> removedWithFields = new ArrayList<>();
    private static final int MAX_SIMILAR = 1_000;

    private record RemovedTerm(String guid, String term, long mid) {}

    /**
     * @param usedNoteTypes the note types of the notes
     * @param fieldsWithoutColumn per card file, the fields its header has no column for
     */
    ReleaseComparison(Connection db, DeckLayout layout, List<NoteType> noteTypes, Set<NoteType> usedNoteTypes,
            Map<String, Integer> notesPerDeck, Map<String, Set<String>> fieldsWithoutColumn, Consumer<Finding> findings,
            boolean allowBreakingChanges) {
        this.db = db;
        this.layout = layout;
        this.noteTypes = noteTypes;
        noteTypes.forEach(type -> sortFieldByNoteType.put(layout.noteTypeId(type), type.sortFieldIndex()));
        this.notesPerDeck = notesPerDeck;
        this.usedNoteTypes = usedNoteTypes;
        this.fieldsWithoutColumn = fieldsWithoutColumn;
        this.findings = findings;
        this.gateSeverity = allowBreakingChanges ? Severity.WARNING : Severity.ERROR;
    }

    /** Counts per deck for a first release: every note is new. */
    ReleaseChanges firstRelease() {
        Map<String, DeckCounts> perDeck = new TreeMap<>();
        notesPerDeck.forEach((deck, notes) -> perDeck.put(deck, new DeckCounts(notes, notes, 0, 0)));
        int total = notesPerDeck.values().stream().mapToInt(Integer::intValue).sum();
        return new ReleaseChanges(null, total, 0, 0, 0, perDeck);
    }

    /** Compares with {@code previous}, writing each added, changed and removed note to {@code lists}. */
    ReleaseChanges compare(PreviousRelease previous, String previousDisplay, Map<String, String> mediaSha1,
            ChangeLists lists)
            throws SQLException, IOException {
        SourceLocation releaseLocation = new SourceLocation(previousDisplay, 0);
        if (layout.buildSeconds() <= previous.latestNoteMod()) {
            findings.accept(Finding.error(releaseLocation, "release-timestamp", "this build's timestamp ("
                    + layout.buildTime() + ") is not later than the previous release's newest note ("
                    + java.time.Instant.ofEpochSecond(previous.latestNoteMod()) + "): Anki would ignore every change;"
                    + " advance project.build.outputTimestamp"));
        }
        checkNoteTypeSchema(previous, releaseLocation);
        if (layout.buildSeconds() > previous.latestNoteMod()) { // else the notes' timestamp error says it all
            checkNoteTypeTimestamps(previous, releaseLocation);
        }
        mediaSha1.forEach((name, sha1) -> {
            String before = previous.mediaSha1().get(name);
            if (before == null || before.equals(sha1)) {
                return;
            }
            if (name.startsWith("_")) {
                findings.accept(new Finding(gateSeverity, releaseLocation, "changed-static-media", "media file " + name
                        + " changed but kept its name: learners who have it never get the new content (Anki keeps existing"
                        + " files that start with _); rename it, e.g. with a version or content hash in its name"));
            } else {
                findings.accept(new Finding(gateSeverity, releaseLocation, "changed-media", "media file " + name
                        + " changed but kept its name: learners who have it get the new content only with notes that change"
                        + " in this release (Anki copies media with added and updated notes only); rename it, e.g. with a"
                        + " version or content hash in its name, and refer to the new name"));
            }
        });
        prepareTables(previous);
        Map<Long, List<String>> fieldNames = new HashMap<>();
        noteTypes.forEach(type -> fieldNames.put(layout.noteTypeId(type), type.fields()));
        int added = 0;
        int changed = 0;
        Map<String, DeckCounts> perDeck = new TreeMap<>();
        int removed = removedNotes(perDeck, lists);
        int total = keepUnchangedNotes(perDeck);
        int keptRowByRow = 0;
        int withNewNoteType = 0;
        Map<List<String>, Integer> movedRowByRow = new HashMap<>(); // (from, to) → notes, for notes compared row by row
        try (RenameCheck renames = new RenameCheck(renameCandidates > 0, removed > 0);
                Statement statement = db.createStatement();
                PreparedStatement keepNoteMod = db.prepareStatement("UPDATE notes SET mod = ? WHERE id = ?");
                PreparedStatement keepCardMod = db.prepareStatement("UPDATE cards SET mod = ? WHERE nid = ?");
                ResultSet rs = statement.executeQuery("""
                        SELECT x.id, x.guid, x.flds, x.tags, x.deck, x.sfld, p.guid, p.mod, p.flds, p.tags, p.deck, p.sfld,
                               p.mid = x.mid, s.file, s.line, x.mid, p.mid, s.explicit_guid
                        FROM temp.new_note x LEFT JOIN temp.prev_note p ON p.guid = x.guid
                        LEFT JOIN temp.note_source s ON s.nid = x.id
                        WHERE x.id NOT IN (SELECT id FROM temp.kept_note) ORDER BY x.id""")) {
            while (rs.next()) {
                total++;
                String deck = rs.getString(5);
                SourceLocation location = rs.getString(14) == null ? null : new SourceLocation(rs.getString(14), rs.getInt(15));
                if (rs.getString(7) == null) {
                    NoteChange note = new NoteChange(rs.getString(2), rs.getString(6), null, deck, List.of(), location);
                    lists.added(note);
                    added++;
                    if (!rs.getBoolean(18)) {
                        renames.check(note, rs.getString(3), rs.getLong(16));
                        if (someAdded.size() < ReleaseChanges.SAMPLE && location != null) {
                            someAdded.add(note);
                        }
                    } else {
                        // A new guid in a guid cell says "a new note", unless the term is a removed note's.
                        renames.checkGuidCell(note, rs.getString(3), rs.getLong(16));
                    }
                    perDeck.merge(deck, new DeckCounts(1, 1, 0, 0), DeckCounts::plus);
                    continue;
                }
                List<String> parts = changedParts(fieldNames.getOrDefault(rs.getLong(16), List.of()), rs.getString(3),
                        rs.getString(9), rs.getString(4), rs.getString(10), deck, rs.getString(11), rs.getBoolean(13));
                if (location != null && fieldsWithoutColumn.containsKey(location.file()) && rs.getBoolean(13)) {
                    countEmptiedForWantOfColumn(location.file(), fieldNames.getOrDefault(rs.getLong(16), List.of()),
                            rs.getString(3), rs.getString(9));
                }
                if (rs.getString(11) != null && !rs.getString(11).equals(deck)) {
                    movedRowByRow.merge(List.of(rs.getString(11), deck), 1, Integer::sum);
                }
                if (parts.isEmpty() || parts.equals(List.of("deck"))) { // as the set-wise keep: a text stored as a blob
                    keepNoteMod.setLong(1, rs.getLong(8));
                    keepNoteMod.setLong(2, rs.getLong(1));
                    keepNoteMod.addBatch();
                    keepCardMod.setLong(1, rs.getLong(8));
                    keepCardMod.setLong(2, rs.getLong(1));
                    keepCardMod.addBatch();
                    if (++keptRowByRow % BATCH == 0) {
                        keepNoteMod.executeBatch();
                        keepCardMod.executeBatch();
                    }
                    perDeck.merge(deck, new DeckCounts(1, 0, 0, 0), DeckCounts::plus);
                } else {
                    String before = rs.getString(12);
                    if (!rs.getBoolean(13)) {
                        noteTypeChanged(previous, rs.getString(6), rs.getLong(17), rs.getLong(16),
                                location == null ? releaseLocation : location);
                        withNewNoteType++;
                    }
                    lists.changed(new NoteChange(rs.getString(2), rs.getString(6), before.equals(rs.getString(6)) ? null : before,
                            deck, parts, location));
                    changed++;
                    perDeck.merge(deck, new DeckCounts(1, 0, 1, 0), DeckCounts::plus);
                }
            }
            keepNoteMod.executeBatch();
            keepCardMod.executeBatch();
        }
        reportEmptiedFields(previous);
        List<ReleaseChanges.Move> moves = moves(movedRowByRow, previousDisplay, releaseLocation);
        dropTables();
        if (total == added && added > 0 && removed > 0) {
            findings.accept(new Finding(gateSeverity, releaseLocation, "unrelated-release", "no note of this build has the guid"
                    + " of a note of " + previousDisplay + " (" + removed + " notes), so learners would get every note a second"
                    + " time: either it is not this deck's last package, or what the guids derive from changed (<deckIdentity>,"
                    + " a classifier added with <decks>, every term). Point <previousRelease> at this deck's last package and"
                    + " keep its identity; if this really is a new deck, set <allowBreakingChanges>"));
        }
        return new ReleaseChanges(previous.packageFile().getFileName().toString(), total, added, changed, removed, perDeck, moves,
                changedNoteTypes, withNewNoteType, someRemoved, someAdded);
    }

    /**
     * Notes in another deck than in the previous release, by the two decks, each with a warning:
     * Anki never moves existing cards on import. Only moving a note does not change it (it keeps
     * its mod), since an update would move nothing and only replace the learner's edits.
     */
    private List<ReleaseChanges.Move> moves(Map<List<String>, Integer> movedRowByRow, String previousDisplay,
            SourceLocation releaseLocation) throws SQLException {
        Map<List<String>, Integer> moved = new TreeMap<>(Comparator.comparing((List<String> pair) -> pair.get(0))
                .thenComparing(pair -> pair.get(1)));
        moved.putAll(movedRowByRow);
        // The kept notes were joined with the previous release once already: a scan, no second join of the deck.
        try (Statement statement = db.createStatement();
                ResultSet rs = statement.executeQuery("""
                        SELECT prev_deck, deck, count(*) FROM temp.kept_note
                        WHERE prev_deck IS NOT NULL AND prev_deck <> deck GROUP BY prev_deck, deck""")) {
            while (rs.next()) {
                moved.merge(List.of(rs.getString(1), rs.getString(2)), rs.getInt(3), Integer::sum);
            }
        }
        List<ReleaseChanges.Move> moves = new ArrayList<>();
        moved.forEach((pair, notes) -> {
            ReleaseChanges.Move move = new ReleaseChanges.Move(pair.get(0), pair.get(1), notes);
            moves.add(move);
            findings.accept(Finding.warning(releaseLocation, "moved-notes", move.notes() + (move.notes() == 1 ? " note" : " notes")
                    + " moved from deck \"" + move.from() + "\" to \"" + move.to() + "\": learners who imported "
                    + previousDisplay + " keep their cards in \"" + move.from() + "\" (Anki never moves cards on import;"
                    + " the release notes tell them how to move them)"));
        });
        return moves;
    }

    /** A note that keeps its guid but not its note type: Anki cannot change a note's type on import. */
    private void noteTypeChanged(PreviousRelease previous, String term, long previousId, long id, SourceLocation location) {
        PreviousRelease.PreviousNoteType before = previous.noteTypes().get(previousId);
        String was = before == null ? "another note type" : "\"" + before.name() + "\"";
        String now = noteTypes.stream().filter(type -> layout.noteTypeId(type) == id).map(type -> "\"" + type.name() + "\"")
                .findFirst().orElse("another note type");
        findings.accept(new Finding(gateSeverity, location, "note-type-change", "\"" + term + "\" was a " + was + " note in "
                + previous.packageFile().getFileName() + " and is a " + now + " note now: learners' Anki cannot change a"
                + " note's type on import, so it reports a conflict and never updates their note. Keep the note type of"
                + " released notes (a renamed note type is a new one); to make it a new note instead, give the row a new"
                + " guid (learners keep the old note)"));
    }

    /**
     * Notes whose fields, tags, deck and note type are all as in the previous release keep its
     * {@code mod}, and so do their cards: almost every note of a big deck, so this is done set-wise
     * in SQLite rather than row by row. Returns how many notes were kept, counted into {@code perDeck}.
     */
    private int keepUnchangedNotes(Map<String, DeckCounts> perDeck) throws SQLException {
        int kept = 0;
        try (Statement statement = db.createStatement()) {
            statement.execute("CREATE TEMP TABLE kept_note (id INTEGER PRIMARY KEY, mod INTEGER NOT NULL, deck TEXT NOT NULL,"
                    + " prev_deck TEXT)");
            statement.execute("""
                    INSERT INTO temp.kept_note SELECT x.id, p.mod, x.deck, p.deck
                    FROM temp.new_note x JOIN temp.prev_note p ON p.guid = x.guid
                    WHERE x.flds = p.flds AND x.tags = p.tags AND x.mid = p.mid ORDER BY x.id""");
            statement.execute("""
                    UPDATE main.notes SET mod = (SELECT k.mod FROM temp.kept_note k WHERE k.id = notes.id)
                    WHERE id IN (SELECT id FROM temp.kept_note)""");
            statement.execute("""
                    UPDATE main.cards SET mod = (SELECT k.mod FROM temp.kept_note k WHERE k.id = cards.nid)
                    WHERE nid IN (SELECT id FROM temp.kept_note)""");
            try (ResultSet rs = statement.executeQuery("SELECT deck, count(*) FROM temp.kept_note GROUP BY deck")) {
                while (rs.next()) {
                    perDeck.merge(rs.getString(1), new DeckCounts(rs.getInt(2), 0, 0, 0), DeckCounts::plus);
                    kept += rs.getInt(2);
                }
            }
        }
        return kept;
    }

    /**
     * A note type that changed needs a later {@code mod} than the previous release gave it: Anki
     * updates a note type on import only when its {@code mod} is newer, so learners would keep
     * the old templates and styling. A release that changed only a note type stamps no note, so
     * the notes' check above does not see a timestamp that was not advanced after it.
     */
    private void checkNoteTypeTimestamps(PreviousRelease previous, SourceLocation location) {
        for (NoteType noteType : usedNoteTypes) {
            PreviousRelease.PreviousNoteType before = previous.noteTypes().get(layout.noteTypeId(noteType));
            if (before != null && layout.buildSeconds() <= before.mod()
                    && !before.json().equals(CollectionJson.modelJson(layout, noteType, before.mod()))) {
                findings.accept(Finding.error(location, "release-timestamp", "note type \"" + noteType.name() + "\" changed,"
                        + " but this build's timestamp (" + layout.buildTime() + ") is not later than the note type's in the"
                        + " previous release (" + java.time.Instant.ofEpochSecond(before.mod()) + "): Anki would keep learners'"
                        + " old templates and styling; advance project.build.outputTimestamp"));
            }
        }
    }

    /** Counts the fields a changed note lost because its card file has no column for them. */
    private void countEmptiedForWantOfColumn(String file, List<String> names, String flds, String prevFlds) {
        String[] now = flds.split(FIELD_SEPARATOR, -1);
        String[] before = prevFlds.split(FIELD_SEPARATOR, -1);
        for (String field : fieldsWithoutColumn.get(file)) {
            int i = names.indexOf(field);
            if (i >= 0 && i < before.length && !before[i].isEmpty() && (i >= now.length || now[i].isEmpty())) {
                emptiedForWantOfColumn.merge(List.of(file, field), 1, Integer::sum);
            }
        }
    }

    /**
     * A card file without a column for a field that its released notes filled (saved without
     * it, say) would empty that field in learners' notes: one finding per file and field.
     */
    private void reportEmptiedFields(PreviousRelease previous) {
        emptiedForWantOfColumn.forEach((fileAndField, notes) -> findings.accept(new Finding(gateSeverity,
                new SourceLocation(fileAndField.get(0), 0), "emptied-field", "no " + fileAndField.get(1) + " column, so "
                        + notes + (notes == 1 ? " note that has" : " notes that have") + " a " + fileAndField.get(1) + " in "
                        + previous.packageFile().getFileName() + " would lose it for learners: add the column back; if the"
                        + " field is meant to be emptied, keep the column with empty cells")));
    }

    private void checkNoteTypeSchema(PreviousRelease previous, SourceLocation location) {
        for (NoteType noteType : noteTypes) {
            checkNoteTypeSchema(previous, location, noteType);
        }
    }

    private void checkNoteTypeSchema(PreviousRelease previous, SourceLocation location, NoteType noteType) {
        PreviousRelease.PreviousNoteType before = previous.noteTypes().get(layout.noteTypeId(noteType));
        if (before == null) {
            return;
        }
        List<String> fields = noteType.fields();
        List<String> templates = noteType.templates().stream().map(t -> t.name()).toList();
        if (before.cloze() != (noteType.kind() == NoteKind.CLOZE) || !before.fields().equals(fields)
                || !before.templates().equals(templates)) {
            changedNoteTypes.add(noteType.name());
        }
        if (before.cloze() != (noteType.kind() == NoteKind.CLOZE)) {
            findings.accept(new Finding(gateSeverity, location, "note-type-schema", "note type \"" + before.name()
                    + "\" was " + (before.cloze() ? "a cloze" : "a standard") + " note type and is " + (before.cloze() ? "a standard"
                    : "a cloze") + " one now: learners' Anki would make a conflicting copy of the note type and stop updating"
                    + " their notes. Keep the kind of a released note type; for the other kind, declare a new note type"));
        }
        if (before.fields().equals(fields) && before.sortField() != noteType.sortFieldIndex()
                && before.sortField() < fields.size()) {
            // A warning: notes with guid cells keep their guids. Those without get renamed-note errors too.
            findings.accept(Finding.warning(location, "note-type-schema", "note type \"" + before.name()
                    + "\" changed its sort field from \"" + fields.get(before.sortField()) + "\" to \"" + noteType.sortField()
                    + "\": the guid of a note without a guid cell derives from its sort field (the term), so learners would get"
                    + " each such note a second time and keep the review history on the first. Keep the sort field as released"));
        }
        if (!before.fields().equals(fields) || !before.templates().equals(templates)) {
            findings.accept(new Finding(gateSeverity, location, "note-type-schema", "note type \"" + before.name()
                    + "\" changed its fields " + before.fields() + " → " + fields + " or card templates " + before.templates()
                    + " → " + templates + ": learners' Anki would make a conflicting copy of the note type and stop updating"
                    + " their notes. Keep field and template names and order as released; if the change is unavoidable, set"
                    + " <allowBreakingChanges> and tell learners to import with \"merge note types\" (Anki 23.10+)"));
        }
    }

    /** The changed parts of a note: field names, then "tags", "deck", "note type". */
    private static List<String> changedParts(List<String> names, String flds, String prevFlds, String tags, String prevTags,
            String deck, String prevDeck, boolean sameNoteType) {
        List<String> parts = new ArrayList<>();
        if (!flds.equals(prevFlds)) {
            String[] now = flds.split(FIELD_SEPARATOR, -1);
            String[] before = prevFlds.split(FIELD_SEPARATOR, -1);
            for (int i = 0; i < Math.max(now.length, before.length); i++) {
                String a = i < now.length ? now[i] : null;
                String b = i < before.length ? before[i] : null;
                if (a == null || !a.equals(b)) {
                    parts.add(i < names.size() ? names.get(i) : "field " + (i + 1));
                }
            }
        }
        if (!tags.equals(prevTags)) {
            parts.add("tags");
        }
        if (!deck.equals(prevDeck)) {
            parts.add("deck");
        }
        if (!sameNoteType) {
            parts.add("note type");
        }
        return parts;
    }

    /**
     * Lists the notes of the previous release that are gone, in its order, and files them in
     * {@code temp.removed_note} for the rename checks (by their other fields, when they have any,
     * and by their term); returns how many.
     */
    private int removedNotes(Map<String, DeckCounts> perDeck, ChangeLists lists) throws SQLException, IOException {
        int removed = 0;
        try (Statement statement = db.createStatement()) {
            statement.execute("CREATE TEMP TABLE removed_note (seq INTEGER PRIMARY KEY, guid TEXT, term TEXT, rest TEXT,"
                    + " sort TEXT, mid INTEGER)");
        }
        // The query walks the two GUID indexes side by side instead of reading every previous note.
        try (Statement statement = db.createStatement();
                PreparedStatement candidate = db.prepareStatement(
                        "INSERT INTO temp.removed_note (guid, term, rest, sort, mid) VALUES (?, ?, ?, ?, ?)");
                ResultSet rs = statement.executeQuery("""
                        SELECT p.guid, p.sfld, p.deck, p.flds, p.mid FROM temp.prev_note p WHERE p.rowid IN (
                          SELECT q.rowid FROM temp.prev_note q
                          WHERE NOT EXISTS (SELECT 1 FROM temp.new_note x WHERE x.guid = q.guid))
                        ORDER BY p.rowid""")) {
            while (rs.next()) {
                String deck = rs.getString(3) == null ? "" : rs.getString(3);
                NoteChange gone = new NoteChange(rs.getString(1), rs.getString(2), null, deck, List.of(), null);
                lists.removed(gone);
                if (someRemoved.size() < ReleaseChanges.SAMPLE) {
                    someRemoved.add(gone);
                }
                removed++;
                perDeck.merge(deck, new DeckCounts(0, 0, 0, 1), DeckCounts::plus);
                String rest = tail(rs.getString(4), rs.getLong(5));
                boolean withFields = !rest.replace(FIELD_SEPARATOR, "").isBlank();
                candidate.setString(1, rs.getString(1));
                candidate.setString(2, rs.getString(2));
                candidate.setString(3, withFields ? rest : null); // what renames are matched by: only notes with other fields
                candidate.setString(4, sortField(rs.getString(4), rs.getLong(5)));
                candidate.setLong(5, rs.getLong(5));
                candidate.addBatch();
                if (removed % BATCH == 0) {
                    candidate.executeBatch();
                }
                if (withFields) {
                    renameCandidates++;
                    if (removedWithFields.size() < MAX_SIMILAR) {
                        removedWithFields.add(new RemovedTerm(rs.getString(1), rs.getString(2), rs.getLong(5)));
                    }
                } else if (removedTerms.size() < MAX_SIMILAR) {
                    removedTerms.add(new RemovedTerm(rs.getString(1), rs.getString(2), rs.getLong(5)));
                }
            }
            candidate.executeBatch();
        }
        try (Statement statement = db.createStatement()) {
            statement.execute("CREATE INDEX temp.removed_note_rest ON removed_note (rest, seq)");
            statement.execute("CREATE INDEX temp.removed_note_sort ON removed_note (sort, mid, seq)");
        }
        return removed;
    }

    /**
     * A removed note whose other fields reappear in an added note is most likely a renamed term:
     * without the old GUID, learners get a second note and the first keeps the review history.
     * One indexed lookup per added note, whatever the size of the deck. A note with nothing but
     * its term (a cloze text, whose GUID derives from the whole text) is matched instead by a term
     * that differs from a removed one in one stretch of at most a tenth of it (a corrected typo,
     * a changed word), for the first {@value #MAX_SIMILAR} such added notes.
     */
    private final class RenameCheck implements AutoCloseable {
        private final PreparedStatement lookup;
        private final boolean anyRemoved;
        private PreparedStatement sameTerm;
        private final Set<String> namedForGuidCells = new HashSet<>();
        private int similarityChecks;
        private int looseChecks;

        RenameCheck(boolean anyCandidates, boolean anyRemoved) throws SQLException {
            lookup = anyCandidates ? db.prepareStatement(
                    "SELECT guid, term FROM temp.removed_note WHERE rest = ? AND mid = ? ORDER BY seq LIMIT 1") : null;
            this.anyRemoved = anyRemoved;
        }

        void check(NoteChange added, String flds, long mid) throws SQLException {
            if (added.location() == null) {
                return;
            }
            String rest = tail(flds, mid);
            if (!rest.replace(FIELD_SEPARATOR, "").isBlank()) {
                if (lookup != null) {
                    lookup.setString(1, rest);
                    lookup.setLong(2, mid); // a note of another type keeps no guid anyway: Anki cannot change its type
                    try (ResultSet before = lookup.executeQuery()) {
                        if (before.next()) {
                            report(added, before.getString(1), before.getString(2));
                            return;
                        }
                    }
                }
                if (!removedWithFields.isEmpty() && looseChecks++ < MAX_SIMILAR) {
                    for (RemovedTerm removed : removedWithFields) {
                        if (removed.mid() == mid && similarTerm(removed.term(), added.term())) {
                            // A guess, so a warning: a term and its other fields changed in one release.
                            findings.accept(Finding.warning(added.location(), "renamed-note", "\"" + added.term()
                                    + "\" may be \"" + removed.term() + "\" of the previous release, renamed, with its other"
                                    + " fields changed too: if so, give this row the old guid " + removed.guid() + " (a guid"
                                    + " column), or learners get a second note; if it is a new note, ignore this"));
                            return;
                        }
                    }
                }
            } else if (!removedTerms.isEmpty() && similarityChecks++ < MAX_SIMILAR) {
                for (RemovedTerm removed : removedTerms) {
                    if (removed.mid() == mid && nearlyEqual(removed.term(), added.term())) {
                        report(added, removed.guid(), removed.term());
                        return;
                    }
                }
            }
        }

        /**
         * An added note with a guid cell whose term is a removed note's (of the same note type) is
         * likely that note under a new guid: a guid cell given to a released note, or edited, or
         * changed by a spreadsheet. Learners would get it twice. With the same other fields too it
         * is that note (an error naming its guid); with other fields, maybe a new note of the same
         * term (a warning). The term is compared as written, not as Anki's sort field stores it
         * ({@code 007} would be {@code 7} there). A removed note is named for one added note only.
         */
        void checkGuidCell(NoteChange added, String flds, long mid) throws SQLException {
            if (added.location() == null || !anyRemoved) {
                return;
            }
            if (sameTerm == null) {
                sameTerm = db.prepareStatement("SELECT guid, rest IS ? FROM temp.removed_note WHERE sort = ? AND mid = ?"
                        + " ORDER BY rest IS ? DESC, seq");
            }
            String rest = tail(flds, mid);
            String restKey = rest.replace(FIELD_SEPARATOR, "").isBlank() ? null : rest;
            String sortField = sortField(flds, mid);
            sameTerm.setString(1, restKey);
            sameTerm.setString(2, sortField);
            sameTerm.setLong(3, mid);
            sameTerm.setString(4, restKey);
            String term = AnkiText.stripHtmlPreservingMediaFilenames(sortField);
            try (ResultSet before = sameTerm.executeQuery()) {
                while (before.next()) {
                    String guid = before.getString(1);
                    if (!namedForGuidCells.add(guid)) {
                        continue;
                    }
                    if (before.getBoolean(2)) {
                        findings.accept(new Finding(gateSeverity, added.location(), "renamed-note", "\"" + term + "\" has the"
                                + " guid " + added.guid() + " in its guid cell, but the previous release has this note (the same"
                                + " term and fields) with guid " + guid + ", which this build no longer has: learners would get"
                                + " a second note and the old one would keep the review history. Write " + guid + " in its"
                                + " guid cell; if it really is a new note, set <allowBreakingChanges>"));
                    } else {
                        findings.accept(Finding.warning(added.location(), "renamed-note", "\"" + term + "\" has a guid cell"
                                + " of its own (" + added.guid() + "), and the previous release had a note of this term with"
                                + " guid " + guid + ", which this build no longer has: if this row is that note, write " + guid
                                + " in its guid cell, or learners get a second note; if it is a new note, ignore this"));
                    }
                    return;
                }
            }
        }

        private void report(NoteChange added, String guid, String term) {
            findings.accept(new Finding(gateSeverity, added.location(), "renamed-note", "\"" + added.term()
                    + "\" looks like \"" + term + "\" of the previous release under a new guid:"
                    + " learners would get a second note and the old one would keep the review history. To keep"
                    + " the note, give this row the old guid " + guid + " (a guid column; see README,"
                    + " \"Renaming a term\"); if it really is a new note, set <allowBreakingChanges>"));
        }

        @Override
        public void close() throws SQLException {
            if (lookup != null) {
                lookup.close();
            }
            if (sameTerm != null) {
                sameTerm.close();
            }
        }
    }

    /**
     * Whether two terms (the longer of at least 6 characters, the first 3 the same) differ, ignoring
     * case, only in one stretch of at most a fifth of the longer one, 1 character at least: "Colour"
     * and "Color", not "house" and "mouse".
     */
    static boolean similarTerm(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        int longer = Math.max(x.length(), y.length());
        return longer >= 6 && x.regionMatches(0, y, 0, 3) && !x.equals(y)
                && differingStretch(x, y) <= Math.max(1, longer / 5);
    }

    /**
     * Whether two terms of at least 12 characters differ only in one stretch (what is left between
     * their common start and end) of at most a tenth of the longer one, 2 characters at least.
     */
    static boolean nearlyEqual(String a, String b) {
        int longer = Math.max(a.length(), b.length());
        return longer >= 12 && differingStretch(a, b) <= Math.max(2, longer / 10);
    }

    /** The length of what is left of the longer text between the start and the end both texts share. */
    private static int differingStretch(String a, String b) {
        int shorter = Math.min(a.length(), b.length());
        int prefix = 0;
        while (prefix < shorter && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < shorter - prefix && a.charAt(a.length() - 1 - suffix) == b.charAt(b.length() - 1 - suffix)) {
            suffix++;
        }
        return Math.max(a.length(), b.length()) - prefix - suffix;
    }

    /** Where the sort field (the term) starts in {@code flds}, or -1 when the note has fewer fields than its type. */
    private int sortFieldStart(String flds, long mid) {
        int start = 0;
        for (int field = 0; field < sortFieldByNoteType.getOrDefault(mid, 0); field++) {
            int separator = flds.indexOf(FIELD_SEPARATOR, start);
            if (separator < 0) {
                return -1;
            }
            start = separator + 1;
        }
        return start;
    }

    /** The sort field (the term) as the note holds it. */
    private String sortField(String flds, long mid) {
        int start = sortFieldStart(flds, mid);
        if (start < 0) {
            return "";
        }
        int end = flds.indexOf(FIELD_SEPARATOR, start);
        return end < 0 ? flds.substring(start) : flds.substring(start, end);
    }

    /** Every field but the sort field (the term), joined: what stays when only the term is renamed. */
    private String tail(String flds, long mid) {
        int start = sortFieldStart(flds, mid);
        if (start < 0) {
            return flds; // fewer fields than the note type has: nothing to leave out
        }
        int end = flds.indexOf(FIELD_SEPARATOR, start);
        if (start == 0) {
            return end < 0 ? "" : flds.substring(end + 1);
        }
        return end < 0 ? flds.substring(0, start - 1) : flds.substring(0, start) + flds.substring(end + 1);
    }

    private void prepareTables(PreviousRelease previous) throws SQLException {
        outsideTransaction("ATTACH DATABASE '" + previous.collectionFile().toAbsolutePath().toString().replace("'", "''")
                + "' AS prev");
        try (Statement statement = db.createStatement()) {
            statement.execute("CREATE TEMP TABLE prev_deck (did INTEGER PRIMARY KEY, name TEXT)");
            statement.execute("CREATE TEMP TABLE new_deck (did INTEGER PRIMARY KEY, name TEXT)");
        }
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO temp.prev_deck VALUES (?, ?)")) {
            for (Map.Entry<Long, String> deck : previous.deckNames().entrySet()) {
                insert.setLong(1, deck.getKey());
                insert.setString(2, deck.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO temp.new_deck VALUES (?, ?)")) {
            for (String deck : notesPerDeck.keySet()) {
                insert.setLong(1, layout.deckId(deck));
                insert.setString(2, deck);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (Statement statement = db.createStatement()) {
            statement.execute("""
                    CREATE TEMP TABLE prev_note AS SELECT n.guid AS guid, n.mod AS mod, n.mid AS mid, n.flds AS flds,
                      n.tags AS tags, n.sfld AS sfld,
                      (SELECT d.name FROM temp.prev_deck d WHERE d.did = (SELECT min(c.did) FROM prev.cards c WHERE c.nid = n.id))
                        AS deck
                    FROM prev.notes n ORDER BY n.id""");
            statement.execute("CREATE INDEX temp.prev_note_guid ON prev_note (guid)");
            // Anki never has two notes with one GUID, but a hand-made package might: its first note wins.
            boolean sharedGuids;
            try (ResultSet rs = statement.executeQuery("SELECT 1 FROM temp.prev_note GROUP BY guid HAVING count(*) > 1 LIMIT 1")) {
                sharedGuids = rs.next();
            }
            if (sharedGuids) {
                statement.execute("""
                        DELETE FROM temp.prev_note WHERE EXISTS (SELECT 1 FROM temp.prev_note first
                          WHERE first.guid = prev_note.guid AND first.rowid < prev_note.rowid)""");
            }
            statement.execute("""
                    CREATE TEMP TABLE new_note AS SELECT n.id AS id, n.guid AS guid, n.mid AS mid, n.flds AS flds,
                      n.tags AS tags, CAST(n.sfld AS TEXT) AS sfld,
                      (SELECT d.name FROM temp.new_deck d WHERE d.did = (SELECT min(c.did) FROM main.cards c WHERE c.nid = n.id))
                        AS deck
                    FROM main.notes n""");
            statement.execute("CREATE INDEX temp.new_note_guid ON new_note (guid)");
        }
    }

    private void dropTables() throws SQLException {
        try (Statement statement = db.createStatement()) {
            for (String table : List.of("removed_note", "kept_note", "prev_note", "new_note", "prev_deck", "new_deck")) {
                statement.execute("DROP TABLE temp." + table);
            }
        }
        outsideTransaction("DETACH DATABASE prev");
    }

    /** SQLite attaches and detaches databases only outside a transaction. */
    private void outsideTransaction(String sql) throws SQLException {
        db.commit();
        db.setAutoCommit(true);
        try (Statement statement = db.createStatement()) {
            statement.execute(sql);
        } finally {
            db.setAutoCommit(false);
        }
    }
}
