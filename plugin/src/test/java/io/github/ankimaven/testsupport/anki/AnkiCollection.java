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
