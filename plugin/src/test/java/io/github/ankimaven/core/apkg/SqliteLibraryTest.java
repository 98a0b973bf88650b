package io.github.ankimaven.core.apkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteLibraryTest {

    @Test
    void sqliteJdbcStillHasTheMarkTheFastLoadSets() throws Exception {
        // Without it every build falls back to sqlite-jdbc's slow loader: an upgrade that drops it must be noticed.
        assertNotNull(SqliteLibrary.loadedFlag(), "SQLiteJDBCLoader.extracted");
        SqliteLibrary.load();
        assertTrue(SqliteLibrary.loadedFlag().getBoolean(null));
    }

    @Test
    void sqliteWorksAfterTheFastLoad() throws Exception {
        SqliteLibrary.load();
        try (Connection connection = org.sqlite.JDBC.createConnection("jdbc:sqlite::memory:", new Properties());
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT sqlite_version()")) {
            assertTrue(result.next());
            assertEquals(org.sqlite.SQLiteJDBCLoader.getVersion().substring(0, 4), result.getString(1).substring(0, 4));
        }
    }

    @Test
    void deletesCopiesLeftByProcessesThatEnded(@TempDir Path directory) throws Exception {
        Path ended = Files.createFile(directory.resolve(SqliteLibrary.PREFIX + Long.MAX_VALUE + "-123-libsqlitejdbc.so"));
        Path running = Files.createFile(directory.resolve(SqliteLibrary.PREFIX + ProcessHandle.current().pid()
                + "-456-libsqlitejdbc.so"));
        Path other = Files.createFile(directory.resolve("sqlite-3.50.3.0-libsqlitejdbc.so"));
        SqliteLibrary.deleteCopiesOfEndedProcesses(directory);
        assertFalse(Files.exists(ended));
        assertTrue(Files.exists(running));
        assertTrue(Files.exists(other));
    }
}
