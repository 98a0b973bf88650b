package io.github.ankimaven.testsupport.anki;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A learner's collection in a directory, into which packages are imported with Anki 2.1.66's
 * real importer; afterwards its (schema 18) tables can be queried.
 */
public final class AnkiCollection {

    private final Path file;

    public AnkiCollection(Path directory) throws java.io.IOException {
        Files.createDirectories(directory);
        this.file = directory.resolve("collection.anki2");
    }

    /** Imports a package; returns Anki's import log. */
    public ImportLog importPackage(Path apkg) {
        try (AnkiBackend anki = AnkiBackend.open()) {
            anki.openCollection(file);
            try {
                return anki.importAnkiPackage(apkg);
            } finally {
                anki.closeCollection(false);
            }
        }
    }

    /** Runs Anki's "Check Database"; returns what it had to fix (nothing, for a sound collection). */
    public List<String> checkDatabase() {
        try (AnkiBackend anki = AnkiBackend.open()) {
            anki.openCollection(file);
            try {
                return anki.checkDatabase();
            } finally {
                anki.closeCollection(false);
            }
        }
    }

    /**
     * A learner studies: answers "Good" to the next {@code count} cards of a deck with Anki's own
     * scheduler, which writes review history and changes the cards' scheduling.
     */
    public void answerGood(String deckName, int count) {
        try (AnkiBackend anki = AnkiBackend.open()) {
            anki.openCollection(file);
            try {
                long deckId = firstVarint(anki.call(AnkiBackend.DECKS_SERVICE, AnkiBackend.GET_DECK_ID_BY_NAME,
                        new Proto.Writer().string(1, deckName).toByteArray()), 1);
                anki.call(AnkiBackend.DECKS_SERVICE, AnkiBackend.SET_CURRENT_DECK, new Proto.Writer().int64(1, deckId).toByteArray());
                for (int i = 0; i < count; i++) {
                    answerNextGood(anki);
                }
            } finally {
                anki.closeCollection(false);
            }
        }
    }

    // GetQueuedCards → QueuedCards{1: QueuedCard{1: Card{1: id}, 3: SchedulingStates{1: current, 4: good}}};
    // AnswerCard(CardAnswer{1: card id, 2: current state, 3: new state, 4: rating, 5: answered at, 6: ms taken}).
    private static void answerNextGood(AnkiBackend anki) {
        Proto.Reader queue = new Proto.Reader(anki.call(AnkiBackend.SCHEDULER_SERVICE, AnkiBackend.GET_QUEUED_CARDS,
                new Proto.Writer().int64(1, 1).toByteArray()));
        byte[] queued = null;
        while (queue.next()) {
            if (queue.field() == 1) {
                queued = queue.bytes();
            } else {
                queue.skip();
            }
        }
        if (queued == null) {
            throw new IllegalStateException("no card left to study");
        }
        long cardId = 0;
        byte[] states = null;
        Proto.Reader card = new Proto.Reader(queued);
        while (card.next()) {
            switch (card.field()) {
                case 1 -> cardId = firstVarint(card.bytes(), 1);
                case 3 -> states = card.bytes();
                default -> card.skip();
            }
        }
        byte[] current = null;
        byte[] good = null;
        Proto.Reader s = new Proto.Reader(states);
        while (s.next()) {
            switch (s.field()) {
                case 1 -> current = s.bytes();
                case 4 -> good = s.bytes();
                default -> s.skip();
            }
        }
        anki.call(AnkiBackend.SCHEDULER_SERVICE, AnkiBackend.ANSWER_CARD, new Proto.Writer().int64(1, cardId).bytes(2, current)
                .bytes(3, good).int64(4, 2).int64(5, System.currentTimeMillis()).int64(6, 4000).toByteArray());
    }

    /** A learner edits one field of a note in Anki (GetNote, then UpdateNotes with the field replaced). */
    public void editField(long noteId, int fieldIndex, String value) {
        try (AnkiBackend anki = AnkiBackend.open()) {
            anki.openCollection(file);
            try {
                byte[] note = anki.call(AnkiBackend.NOTES_SERVICE, AnkiBackend.GET_NOTE,
                        new Proto.Writer().int64(1, noteId).toByteArray());
                // Note{1 id, 2 guid, 3 notetype id, 4 mtime, 5 usn, 6 tags, 7 fields}
                Proto.Writer edited = new Proto.Writer();
                Proto.Reader r = new Proto.Reader(note);
                int field = 0;
                while (r.next()) {
                    int number = r.field();
                    if (number == 7) {
                        String current = r.string();
                        edited.bytes(7, (field++ == fieldIndex ? value : current).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    } else if (number == 2 || number == 6) {
                        edited.bytes(number, r.bytes());
                    } else {
                        edited.int64(number, r.varint());
                    }
                }
                anki.call(AnkiBackend.NOTES_SERVICE, AnkiBackend.UPDATE_NOTES,
                        new Proto.Writer().message(1, edited).bool(2, true).toByteArray());
            } finally {
                anki.closeCollection(false);
            }
        }
    }

    private static long firstVarint(byte[] message, int field) {
        Proto.Reader r = new Proto.Reader(message);
        while (r.next()) {
            if (r.field() == field) {
                return r.varint();
            }
            r.skip();
        }
        return 0;
    }

    /** Every row of a query, each as a list of its column values. */
    public List<List<Object>> rows(String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = db.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** The first column of every row of a query. */
    public List<Object> column(String sql) throws SQLException {
        List<Object> values = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = db.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getObject(1));
            }
        }
        return values;
    }

    public long count(String table) throws SQLException {
        return ((Number) column("SELECT count(*) FROM " + table).get(0)).longValue();
    }

    /** Deck names as Anki shows them ({@code ::} between levels). */
    public List<String> deckNames() throws SQLException {
        return column("SELECT name FROM decks ORDER BY name COLLATE BINARY").stream().map(n -> ((String) n).replace("\u001f", "::"))
                .toList();
    }
}
