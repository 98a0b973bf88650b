package io.github.ankimaven.core.apkg;

import io.github.ankimaven.core.model.Finding;
import io.github.ankimaven.core.model.Note;
import io.github.ankimaven.core.model.NoteType;
import io.github.ankimaven.core.model.RenderedNote;
import io.github.ankimaven.core.release.PreviousRelease;
import io.github.ankimaven.core.release.ReleaseChanges;
import io.github.ankimaven.core.release.ReleaseNotes;
import io.github.ankimaven.core.text.AnkiText;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Writes a schema-11 Anki collection ({@code collection.anki2}) with SQLite: the tables and
 * indexes of Anki 2.1, one {@code col} row, and notes and new cards streamed in as they come.
 * Rows are inserted in input order inside one transaction, so the same input gives the same bytes.
 */
final class CollectionWriter implements AutoCloseable {

    // Rows wait in the driver until their batch runs, so notes go in 256 at a time: little stays
    // alive (see Pipeline). Cards wait for 4096 notes, as the order of inserts decides how notes'
    // and cards' pages interleave in the file: runs of 4096 notes' pages, then their cards', deflate
    // 6 % smaller than runs of 256 (1M notes: 148.7 MB against 157.4 MB).
    private static final int NOTE_BATCH = 256;
    private static final int CARD_BATCH_NOTES = 4096;
    private static final byte[] NO_BYTES = {};
    private static final String SCHEMA = """
            CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null,
              scm integer not null, ver integer not null, dty integer not null, usn integer not null,
              ls integer not null, conf text not null, models text not null, decks text not null,
              dconf text not null, tags text not null);
            CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null,
              mod integer not null, usn integer not null, tags text not null, flds text not null,
              sfld integer not null, csum integer not null, flags integer not null, data text not null);
            CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null,
              ord integer not null, mod integer not null, usn integer not null, type integer not null,
              queue integer not null, due integer not null, ivl integer not null, factor integer not null,
              reps integer not null, lapses integer not null, left integer not null, odue integer not null,
              odid integer not null, flags integer not null, data text not null);
            CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null,
              ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not null,
              time integer not null, type integer not null);
            CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
            """;
    private static final String INDEXES = """
            CREATE INDEX ix_notes_usn on notes (usn);
            CREATE INDEX ix_cards_usn on cards (usn);
            CREATE INDEX ix_revlog_usn on revlog (usn);
            CREATE INDEX ix_cards_nid on cards (nid);
            CREATE INDEX ix_cards_sched on cards (did, queue, due);
            CREATE INDEX ix_revlog_cid on revlog (cid);
            CREATE INDEX ix_notes_csum on notes (csum);
            """;

    private final DeckLayout layout;
    private final List<String> extraTags;
    private final Connection connection;
    private final PreparedStatement insertNote;
    private final PreparedStatement insertCard;
    private final PreparedStatement insertCardPair;
    private final MessageDigest sha1 = AnkiText.newSha1();
    private final byte[] sha1Digest = new byte[sha1.getDigestLength()];
    private final Utf8Values utf8 = new Utf8Values();
    private PreparedStatement pendingCards;
    private final PreparedStatement insertSource;
    private final Map<String, Long> deckIds = new HashMap<>();
    private final Map<NoteType, Long> noteTypeIds = new LinkedHashMap<>();
    /** Notes per deck, counted in place: a boxed count per note would be garbage for every note. */
    private final TreeMap<String, int[]> notesPerDeck = new TreeMap<>();
    private String lastDeck;
    private Long lastDeckId;
    private int[] lastDeckNotes;
    private int notes;
    private int cards;
    private int pendingNotes;
    private int pendingCardNotes;
    private NoteType lastNoteType;
    private Long lastNoteTypeId;
    /** Per card file, the fields its header has no column for: for the release gate, fields released notes would lose. */
    private final Map<String, Set<String>> fieldsWithoutColumn = new HashMap<>();

    /**
     * @param trackSources remember each note's source location (in a temporary table, outside the
     *     collection file) for findings about a previous release
     */
    CollectionWriter(Path file, DeckLayout layout, List<String> extraTags, boolean trackSources) throws IOException {
        this.layout = layout;
        this.extraTags = List.copyOf(extraTags);
        SqliteLibrary.load(); // usually done already, by the warm-up
        try {
            // The driver directly: no DriverManager scan of the class path for drivers.
            connection = org.sqlite.JDBC.createConnection("jdbc:sqlite:" + file.toAbsolutePath(), new Properties());
            try (Statement statement = connection.createStatement()) {
                // 16 KiB pages: a quarter of the page writes and reads of 4 KiB (Anki's size, not required),
                // and runs of one table's rows that still fit deflate's 32 KiB window: the package is
                // smaller too (1M notes, all deflated at level 4: 154.7 MB, against 156.8 MB with
                // 4 KiB pages and 176 MB with 32 KiB pages).
                statement.execute("PRAGMA page_size = 16384");
                statement.execute("PRAGMA journal_mode = OFF");
                statement.execute("PRAGMA synchronous = OFF");
                statement.execute("PRAGMA locking_mode = EXCLUSIVE");
                for (String sql : SCHEMA.split(";")) {
                    if (!sql.isBlank()) {
                        statement.execute(sql);
                    }
                }
            }
            connection.setAutoCommit(false);
            // Constants are part of the SQL, and a note's two cards go in one statement: fewer
            // values cross from Java to SQLite for every note.
            long mod = layout.buildSeconds();
            // Tags, fields and sort field come as UTF-8 bytes (see Utf8Values), stored as TEXT.
            insertNote = connection.prepareStatement("INSERT INTO notes VALUES (?,?,?," + mod
                    + ",-1,CAST(? AS TEXT),CAST(? AS TEXT),CAST(? AS TEXT),?,0,'')");
            insertCard = connection.prepareStatement("INSERT INTO cards VALUES (?,?,?,?," + mod + ",-1,0,0,?,0,0,0,0,0,0,0,0,'')");
            insertCardPair = connection.prepareStatement("INSERT INTO cards VALUES "
                    + "(?1,?2,?3,?4," + mod + ",-1,0,0,?5,0,0,0,0,0,0,0,0,''),"
                    + "(?1+1,?2,?3,?6," + mod + ",-1,0,0,?5,0,0,0,0,0,0,0,0,'')");
            if (trackSources) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE TEMP TABLE note_source (nid INTEGER PRIMARY KEY, file TEXT, line INTEGER,"
                            + " explicit_guid INTEGER)");
                }
                insertSource = connection.prepareStatement("INSERT INTO temp.note_source VALUES (?,?,?,?)");
            } else {
                insertSource = null;
            }
        } catch (SQLException e) {
            throw new IOException("cannot create the Anki collection " + file + ": " + e.getMessage(), e);
        }
    }

    /** Adds a note and its new cards (one per template ordinal in {@code cardOrdinals}). */
    void add(RenderedNote rendered, String guid, List<Integer> cardOrdinals) throws IOException {
        Note note = rendered.note();
        List<String> fields = rendered.htmlFields();
        // Boxed once and passed as objects: the driver's setLong and setInt box every value anew.
        Long noteId = layout.buildMillis() + notes;
        if (!note.deck().equals(lastDeck)) { // files hold many notes of one deck
            lastDeckId = deckIds.computeIfAbsent(note.deck(), layout::deckId);
            lastDeckNotes = notesPerDeck.computeIfAbsent(note.deck(), deck -> new int[1]);
            lastDeck = note.deck();
        }
        Long deckId = lastDeckId;
        lastDeckNotes[0]++;
        int position = notes + 1;
        try {
            PreparedStatement cardStatement = cardOrdinals.size() == 2 ? insertCardPair : insertCard;
            if (pendingCards != null && pendingCards != cardStatement) {
                flush(); // keeps rows in id order: notes, then their cards, as with one statement
            }
            insertNote.setObject(1, noteId);
            insertNote.setString(2, guid);
            insertNote.setObject(3, noteTypeId(note.noteType()));
            if (!note.fieldsWithoutColumn().isEmpty()) {
                fieldsWithoutColumn.putIfAbsent(note.location().file(), note.fieldsWithoutColumn());
            }
            setText(insertNote, 4, tagColumn(AnkiText.sortedUniqueTags(extraTags, note.tags())));
            setText(insertNote, 5, utf8.join(fields, '\u001f'));
            int sortField = note.noteType().sortFieldIndex();
            byte[] firstFieldText = utf8.start().append(AnkiText.stripHtmlPreservingMediaFilenames(fields.get(0))).toBytes();
            setText(insertNote, 6, sortField == 0 ? firstFieldText
                    : utf8.start().append(AnkiText.stripHtmlPreservingMediaFilenames(fields.get(sortField))).toBytes());
            insertNote.setLong(7, AnkiText.fieldChecksum(firstFieldText, sha1, sha1Digest));
            insertNote.addBatch();
            if (insertSource != null) {
                insertSource.setObject(1, noteId);
                insertSource.setString(2, note.location().file());
                insertSource.setInt(3, note.location().line());
                insertSource.setBoolean(4, note.explicitGuid() != null);
                insertSource.addBatch();
            }
            if (cardStatement == insertCardPair) {
                insertCardPair.setLong(1, layout.buildMillis() + cards);
                insertCardPair.setObject(2, noteId);
                insertCardPair.setObject(3, deckId);
                insertCardPair.setObject(4, cardOrdinals.get(0));
                insertCardPair.setInt(5, position);
                insertCardPair.setObject(6, cardOrdinals.get(1));
                insertCardPair.addBatch();
                cards += 2;
            } else {
                for (Integer ord : cardOrdinals) {
                    insertCard.setLong(1, layout.buildMillis() + cards);
                    insertCard.setObject(2, noteId);
                    insertCard.setObject(3, deckId);
                    insertCard.setObject(4, ord);
                    insertCard.setInt(5, position);
                    insertCard.addBatch();
                    cards++;
                }
            }
            pendingCards = cardStatement;
            notes++;
            if (++pendingCardNotes >= CARD_BATCH_NOTES) {
                flush();
            } else if (++pendingNotes >= NOTE_BATCH) {
                flushNotes();
            }
        } catch (SQLException e) {
            throw new IOException("cannot write note " + note.location() + " to the collection: " + e.getMessage(), e);
        }
    }

    /**
     * Binds a text value's UTF-8 bytes for {@code CAST(? AS TEXT)}; an empty one as the empty
     * string, so that no driver can pass a zero-length array as NULL.
     */
    private static void setText(PreparedStatement statement, int index, byte[] utf8) throws SQLException {
        if (utf8.length == 0) {
            statement.setString(index, "");
        } else {
            statement.setBytes(index, utf8);
        }
    }

    /** The tags column, {@code " a b "}, or empty. */
    private byte[] tagColumn(String[] tags) {
        if (tags.length == 0) {
            return NO_BYTES;
        }
        utf8.start().append(' ');
        for (String tag : tags) {
            utf8.append(tag).append(' ');
        }
        return utf8.toBytes();
    }

    private Map<String, Integer> notesPerDeck() {
        Map<String, Integer> counts = new TreeMap<>();
        notesPerDeck.forEach((deck, count) -> counts.put(deck, count[0]));
        return counts;
    }

    /** The note type's id; the last one is kept at hand, as files hold many notes of one type. */
    private Long noteTypeId(NoteType noteType) {
        if (noteType != lastNoteType) {
            lastNoteTypeId = noteTypeIds.computeIfAbsent(noteType, layout::noteTypeId);
            lastNoteType = noteType;
        }
        return lastNoteTypeId;
    }

    int notes() {
        return notes;
    }

    int cards() {
        return cards;
    }

    /**
     * Creates the indexes, then compares the notes with the previous release (when there is one),
     * giving unchanged notes their previous {@code mod}; returns what changed for learners and
     * lists the changed notes in {@code lists}.
     */
    ReleaseChanges compare(PreviousRelease previous, String previousDisplay, Map<String, String> mediaSha1,
            Consumer<Finding> findings, boolean allowBreakingChanges, ReleaseNotes.ChangeLists lists) throws IOException {
        try {
            flush();
            try (Statement statement = connection.createStatement()) {
                for (String sql : INDEXES.split(";")) {
                    if (!sql.isBlank()) {
                        statement.execute(sql);
                    }
                }
            }
            ReleaseComparison comparison = new ReleaseComparison(connection, layout, noteTypes(), noteTypeIds.keySet(),
                    notesPerDeck(), fieldsWithoutColumn, findings, allowBreakingChanges);
            return previous == null ? comparison.firstRelease() : comparison.compare(previous, previousDisplay, mediaSha1, lists);
        } catch (SQLException e) {
            throw new IOException("cannot compare the collection with the previous release: " + e.getMessage(), e);
        }
    }

    /**
     * Writes every note and card added so far to the file (commits them), so that the file's
     * bytes up to its present length only change where SQLite updates a page later.
     */
    void finishLoading() throws IOException {
        try {
            flush();
            connection.commit();
        } catch (SQLException e) {
            throw new IOException("cannot write the notes to the collection: " + e.getMessage(), e);
        }
    }

    /** The note types the notes use, and the deck's default one, in order of first use. */
    List<NoteType> noteTypes() {
        Set<NoteType> types = new LinkedHashSet<>();
        types.add(layout.noteType());
        types.addAll(noteTypeIds.keySet());
        return List.copyOf(types);
    }

    void finish(Map<NoteType, Long> noteTypeMods) throws IOException {
        try {
            try (PreparedStatement col = connection.prepareStatement("INSERT INTO col VALUES (1,?,?,?,11,0,0,0,?,?,?,?,'{}')")) {
                col.setLong(1, collectionCreationSeconds(layout.buildTime()));
                col.setLong(2, layout.buildMillis());
                col.setLong(3, layout.buildMillis());
                col.setString(4, CollectionJson.conf(layout, notes + 1L));
                col.setString(5, CollectionJson.models(layout, noteTypeMods));
                col.setString(6, CollectionJson.decks(layout, notesPerDeck.keySet()));
                col.setString(7, CollectionJson.deckConfigs());
                col.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IOException("cannot finish the Anki collection: " + e.getMessage(), e);
        }
    }

    /** Inserts the notes and cards added so far, notes first. */
    private void flush() throws SQLException {
        flushNotes();
        if (pendingCards != null) {
            pendingCards.executeBatch();
            pendingCards = null;
        }
        pendingCardNotes = 0;
    }

    private void flushNotes() throws SQLException {
        insertNote.executeBatch();
        if (insertSource != null) {
            insertSource.executeBatch();
        }
        pendingNotes = 0;
    }

    /** The last 4 am UTC at or before the build: Anki counts days from the collection's creation. */
    private static long collectionCreationSeconds(Instant buildTime) {
        var fourAm = buildTime.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).plusHours(4);
        return (fourAm.toInstant().isAfter(buildTime) ? fourAm.minusDays(1) : fourAm).toEpochSecond();
    }

    @Override
    public void close() throws IOException {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IOException("cannot close the Anki collection: " + e.getMessage(), e);
        }
    }
}
