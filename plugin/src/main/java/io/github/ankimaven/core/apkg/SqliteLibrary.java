package io.github.ankimaven.core.apkg;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Loads SQLite's native library faster than sqlite-jdbc's own loader, which copies the library
 * out of its jar and then compares the copy with the jar one byte per call: 0.1–0.2 s of CPU in
 * every Maven run, a tenth of a small deck's build. Here the library is copied in bulk to a file
 * with a name of its own (as sqlite-jdbc does, so that plugins in other class loaders never load
 * the same file), loaded, and sqlite-jdbc's loader marked as done. When anything is not as
 * expected (a library path set by the user, no library for this platform in the jar, another
 * sqlite-jdbc whose loader has no such mark), sqlite-jdbc's own loader runs as before.
 */
final class SqliteLibrary {

    static final String PREFIX = "anki-maven-plugin-sqlite-";

    private SqliteLibrary() {}

    /** Loads the library (a no-op once loaded); a failure is left for the connection to report. */
    static void load() {
        try {
            synchronized (SQLiteJDBCLoader.class) { // the lock of sqlite-jdbc's own initialize()
                Field loaded = loadedFlag();
                if (loaded != null && !loaded.getBoolean(null) && System.getProperty("org.sqlite.lib.path") == null) {
                    Path copy = copyOutOfJar();
                    if (copy != null) {
                        System.load(copy.toString());
                        loaded.setBoolean(null, true);
                    }
                }
            }
        } catch (IOException | ReflectiveOperationException | RuntimeException | LinkageError e) {
            // sqlite-jdbc's own loader below tries again, and reports a failure on opening the collection
        }
        try {
            SQLiteJDBCLoader.initialize();
        } catch (Exception | LinkageError e) {
            // Only a head start: opening the collection loads the library again and reports the failure properly.
        }
    }

    /** sqlite-jdbc's mark that its library is loaded ({@code SQLiteJDBCLoader.extracted}), or null if it has none. */
    static Field loadedFlag() {
        try {
            Field field = SQLiteJDBCLoader.class.getDeclaredField("extracted");
            if (field.getType() != boolean.class || !Modifier.isStatic(field.getModifiers()) || Modifier.isFinal(field.getModifiers())) {
                return null;
            }
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException | RuntimeException e) {
            return null;
        }
    }

    /** The library copied to the temporary directory sqlite-jdbc uses (deleted when Maven exits), or null if the jar has none. */
    private static Path copyOutOfJar() throws IOException {
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
        URL url = SQLiteJDBCLoader.class.getClassLoader().getResource(resource.substring(1));
        if (url == null) {
            return null;
        }
        Path directory = Path.of(System.getProperty("org.sqlite.tmpdir", System.getProperty("java.io.tmpdir")));
        deleteCopiesOfEndedProcesses(directory);
        Path copy = Files.createTempFile(directory, PREFIX + ProcessHandle.current().pid() + "-",
                "-" + LibraryLoaderUtil.getNativeLibName());
        copy.toFile().deleteOnExit();
        URLConnection connection = url.openConnection();
        connection.setUseCaches(false); // a cached jar would stay open after Maven drops the plugin's class loader
        try (InputStream in = connection.getInputStream()) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        return copy;
    }

    /** Copies that a killed Maven (no chance to delete on exit) left behind: their process id names no running process. */
    static void deleteCopiesOfEndedProcesses(Path directory) {
        try (DirectoryStream<Path> copies = Files.newDirectoryStream(directory, PREFIX + "*")) {
            for (Path copy : copies) {
                String rest = copy.getFileName().toString().substring(PREFIX.length());
                int dash = rest.indexOf('-');
                try {
                    if (dash > 0 && ProcessHandle.of(Long.parseLong(rest.substring(0, dash))).isEmpty()) {
                        Files.deleteIfExists(copy);
                    }
                } catch (NumberFormatException | IOException e) {
                    // not one of ours, or someone else's to delete
                }
            }
        } catch (IOException | RuntimeException e) {
            // cleaning up is a courtesy; loading goes on
        }
    }
}
