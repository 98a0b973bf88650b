package io.github.ankimaven.core.apkg;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;
import org.sqlite.util.OSInfo;

/**
 * Loads SQLite's native library faster than sqlite-jdbc's own loader, which copies the library
 * out of its jar and then compares the copy with the jar one byte per call: 0.1–0.2 s of CPU in
 * every Maven run, a tenth of a small deck's build. Here the library is copied in bulk to a file
 * with a name of its own (as sqlite-jdbc does, so that plugins in other class loaders never load
 * the same file), loaded, and sqlite-jdbc's loader marked as done. When anything is not as
 * expected (a library path or name set by the user, sqlite-jdbc from another class loader, no
 * library for this platform in the jar, a sqlite-jdbc whose loader has no such mark),
 * sqlite-jdbc's own loader runs as before.
 */
final class SqliteLibrary {

    static final String PREFIX = "anki-maven-plugin-sqlite-";

    private SqliteLibrary() {}

    /** Loads the library (a no-op once loaded); a failure is left for the connection to report. */
    static void load() {
        try {
            synchronized (SQLiteJDBCLoader.class) { // the lock of sqlite-jdbc's own initialize()
                Field loaded = loadedFlag();
                if (loaded != null && !loaded.getBoolean(null) && mayLoadHere()) {
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

    /**
     * The jar's folder for this platform on Windows, macOS and Linux with glibc, or null elsewhere.
     * sqlite-jdbc's own detection starts a process ({@code uname -o}) on every Linux, to tell
     * Android's Termux apart: 50 method-handle classes and a fork, a noticeable part of a small
     * build. Where the answer is less plain (Android, Alpine's musl) its detection decides; and
     * should a guess ever be wrong, the library fails to load and sqlite-jdbc's loader takes over.
     */
    static String commonPlatformFolder() {
        String os = System.getProperty("os.name", "");
        String folder;
        if (os.contains("Windows")) {
            folder = "Windows";
        } else if (os.contains("Mac") || os.contains("Darwin")) {
            folder = "Mac";
        } else if (os.contains("Linux") && System.getenv("ANDROID_ROOT") == null
                && !System.getProperty("java.runtime.name", "").toLowerCase(Locale.ROOT).contains("android")
                && !Files.exists(Path.of("/etc/alpine-release"))) {
            folder = "Linux";
        } else {
            return null;
        }
        return folder + "/" + OSInfo.getArchName();
    }

    /**
     * Whether this class may load the library for sqlite-jdbc: a library belongs to the class loader
     * of the class that loads it, so sqlite-jdbc must come from this plugin's own class loader (not,
     * say, from a build extension's); and the user has not pointed sqlite-jdbc at a library of their own.
     */
    private static boolean mayLoadHere() {
        return SQLiteJDBCLoader.class.getClassLoader() == SqliteLibrary.class.getClassLoader()
                && System.getProperty("org.sqlite.lib.path") == null && System.getProperty("org.sqlite.lib.name") == null;
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
        ClassLoader loader = SQLiteJDBCLoader.class.getClassLoader();
        String common = commonPlatformFolder();
        URL url = common == null ? null
                : loader.getResource("org/sqlite/native/" + common + "/" + LibraryLoaderUtil.getNativeLibName());
        if (url == null) {
            String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
            url = loader.getResource(resource.substring(1));
        }
        if (url == null) {
            return null;
        }
        Path directory = Path.of(System.getProperty("org.sqlite.tmpdir", System.getProperty("java.io.tmpdir")));
        deleteStaleCopies(directory, Instant.now());
        Path copy = Files.createTempFile(directory, PREFIX, "-" + LibraryLoaderUtil.getNativeLibName());
        copy.toFile().deleteOnExit();
        URLConnection connection = url.openConnection();
        connection.setUseCaches(false); // a cached jar would stay open after Maven drops the plugin's class loader
        try (InputStream in = connection.getInputStream();
                OutputStream out = Files.newOutputStream(copy, StandardOpenOption.TRUNCATE_EXISTING)) { // keeps its owner-only access
            in.transferTo(out);
        }
        return copy;
    }

    /**
     * Copies a killed Maven (no chance to delete on exit) left behind: those a day old or more. One
     * still loaded by a long-running JVM loses only its name (Unix), or cannot be deleted (Windows).
     */
    static void deleteStaleCopies(Path directory, Instant now) {
        Instant dayAgo = now.minus(Duration.ofDays(1));
        try (DirectoryStream<Path> copies = Files.newDirectoryStream(directory, PREFIX + "*")) {
            for (Path copy : copies) {
                try {
                    if (Files.getLastModifiedTime(copy).toInstant().isBefore(dayAgo)) {
                        Files.deleteIfExists(copy);
                    }
                } catch (IOException e) {
                    // someone else's to delete, or in use
                }
            }
        } catch (IOException | RuntimeException e) {
            // cleaning up is a courtesy; loading goes on
        }
    }
}
