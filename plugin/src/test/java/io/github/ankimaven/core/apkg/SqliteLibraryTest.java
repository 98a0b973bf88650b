package io.github.ankimaven.core.apkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
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
    void theJarFolderGuessedWithoutStartingAProcessIsSqliteJdbcsOwn() {
        // sqlite-jdbc's detection (which starts uname on Linux) is fine in a test: the two must agree here.
        assumeTrue(SqliteLibrary.commonPlatformFolder() != null, "a platform where sqlite-jdbc's detection decides");
        assertEquals(org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS(), SqliteLibrary.commonPlatformFolder());
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
    void leavesSqliteJdbcOfAnotherClassLoaderToLoadItself() throws Exception {
        // As when a build extension brings sqlite-jdbc: a library belongs to the class loader that loads it,
        // so loading it here would leave that sqlite-jdbc marked as loaded but without its native methods.
        URL sqliteJdbc = org.sqlite.JDBC.class.getProtectionDomain().getCodeSource().getLocation();
        URL pluginClasses = SqliteLibrary.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader extension = new URLClassLoader(new URL[] {sqliteJdbc}, ClassLoader.getPlatformClassLoader());
                URLClassLoader plugin = new URLClassLoader(new URL[] {pluginClasses}, extension)) {
            Method load = plugin.loadClass(SqliteLibrary.class.getName()).getDeclaredMethod("load");
            load.setAccessible(true);
            load.invoke(null);
            Method connect = extension.loadClass("org.sqlite.JDBC").getMethod("createConnection", String.class, Properties.class);
            try (Connection connection = (Connection) connect.invoke(null, "jdbc:sqlite::memory:", new Properties());
                    Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("SELECT 6 * 7")) {
                assertTrue(result.next());
                assertEquals(42, result.getInt(1));
            }
        }
    }

    @Test
    void deletesCopiesADayOld(@TempDir Path directory) throws Exception {
        Instant now = Instant.parse("2026-11-26T12:00:00Z");
        Path stale = Files.createFile(directory.resolve(SqliteLibrary.PREFIX + "123-libsqlitejdbc.so"));
        Files.setLastModifiedTime(stale, FileTime.from(now.minus(Duration.ofHours(25))));
        Path recent = Files.createFile(directory.resolve(SqliteLibrary.PREFIX + "456-libsqlitejdbc.so"));
        Files.setLastModifiedTime(recent, FileTime.from(now.minus(Duration.ofHours(23))));
        Path other = Files.createFile(directory.resolve("sqlite-3.50.3.0-libsqlitejdbc.so"));
        Files.setLastModifiedTime(other, FileTime.from(now.minus(Duration.ofDays(30))));
        SqliteLibrary.deleteStaleCopies(directory, now);
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(recent));
        assertTrue(Files.exists(other), "sqlite-jdbc's own copies are its business");
    }
}
