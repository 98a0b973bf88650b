package io.github.ankimaven.testsupport.anki;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import net.ankiweb.rsdroid.NativeMethods;

/**
 * Minimal client for Anki's Rust backend (Anki 2.1.66) as shipped in the test artifact
 * {@code io.github.david-allison-1:anki-android-backend-testing:0.1.25-anki2.1.66} (GPL-3).
 *
 * <pre>{@code
 * try (AnkiBackend anki = AnkiBackend.open()) {
 *     anki.openCollection(dir.resolve("collection.anki2"));
 *     ImportLog log = anki.importAnkiPackage(apkg);
 *     List<String> problems = anki.checkDatabase();
 *     anki.closeCollection(false);
 * }
 * }</pre>
 *
 * Calls on one instance are serialized. The first {@link #open()} in a JVM redirects the process'
 * stdout and stderr (file descriptors 1 and 2) into a discarded buffer for the rest of the JVM's life,
 * so Surefire and Failsafe talk to their forks over TCP (see the plugin's pom.xml).
 */
public final class AnkiBackend implements AutoCloseable {

    // Service / method indices from anki.backend.GeneratedBackend (anki-android-backend 0.1.25-anki2.1.66).
    public static final int COLLECTION_SERVICE = 1;
    public static final int OPEN_COLLECTION = 0, CLOSE_COLLECTION = 1, CHECK_DATABASE = 6;
    public static final int DECKS_SERVICE = 5;
    public static final int GET_DECK_ID_BY_NAME = 7, SET_CURRENT_DECK = 22;
    public static final int SCHEDULER_SERVICE = 9;
    public static final int GET_QUEUED_CARDS = 0, ANSWER_CARD = 1;
    public static final int NOTES_SERVICE = 17;
    public static final int UPDATE_NOTES = 4, GET_NOTE = 5;
    public static final int IMPORT_EXPORT_SERVICE = 31;
    public static final int IMPORT_ANKI_PACKAGE = 2;

    private long backend;

    private AnkiBackend(long backend) {
        this.backend = backend;
    }

    /** Loads the native library if needed and creates a new backend (English strings). Several may be open at once. */
    public static AnkiBackend open() {
        NativeLibrary.load();
        byte[] init = new Proto.Writer().string(1, "en").toByteArray(); // BackendInit{1: preferred_langs}
        byte[] ok = unpack(NativeMethods.openBackend(init));
        long pointer = 0;
        Proto.Reader r = new Proto.Reader(ok); // generic.Int64{1: val}
        while (r.next()) {
            if (r.field() == 1) pointer = r.varint(); else r.skip();
        }
        if (pointer == 0) throw new IllegalStateException("openBackend returned no backend pointer");
        return new AnkiBackend(pointer);
    }

    /** Raw call: request and response are serialized protobuf messages. */
    public synchronized byte[] call(int service, int method, byte[] request) {
        if (backend == 0) throw new IllegalStateException("backend is closed");
        return unpack(NativeMethods.runMethodRaw(backend, service, method, request));
    }

    /** Opens (creating it if missing) a collection; media folder/db are placed next to it like AnkiDroid does. */
    public void openCollection(Path collection) {
        String col = collection.toAbsolutePath().toString();
        String base = col.endsWith(".anki2") ? col.substring(0, col.length() - ".anki2".length()) : col;
        openCollection(collection, Path.of(base + ".media"), Path.of(base + ".media.db"));
    }

    /** OpenCollectionRequest{1: collection_path, 2: media_folder_path, 3: media_db_path, 99: force_schema11}. */
    public void openCollection(Path collection, Path mediaFolder, Path mediaDb) {
        try {
            Files.createDirectories(mediaFolder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        call(COLLECTION_SERVICE, OPEN_COLLECTION, new Proto.Writer()
                .string(1, collection.toAbsolutePath().toString())
                .string(2, mediaFolder.toAbsolutePath().toString())
                .string(3, mediaDb.toAbsolutePath().toString())
                .toByteArray());
    }

    /** CloseCollectionRequest{1: downgrade_to_schema11}. Without downgrade the file stays schema 18 (WAL mode). */
    public void closeCollection(boolean downgradeToSchema11) {
        call(COLLECTION_SERVICE, CLOSE_COLLECTION, new Proto.Writer().bool(1, downgradeToSchema11).toByteArray());
    }

    /** ImportAnkiPackageRequest{1: package_path} (no options in 2.1.66) -> ImportResponse. */
    public ImportLog importAnkiPackage(Path apkg) {
        byte[] request = new Proto.Writer().string(1, apkg.toAbsolutePath().toString()).toByteArray();
        return ImportLog.decodeResponse(call(IMPORT_EXPORT_SERVICE, IMPORT_ANKI_PACKAGE, request));
    }

    /** Anki's "Check Database": generic.Empty -> CheckDatabaseResponse{repeated string problems = 1}. Fixes what it reports. */
    public List<String> checkDatabase() {
        List<String> problems = new ArrayList<>();
        Proto.Reader r = new Proto.Reader(call(COLLECTION_SERVICE, CHECK_DATABASE, new byte[0]));
        while (r.next()) {
            if (r.field() == 1) problems.add(r.string()); else r.skip();
        }
        return problems;
    }

    /** Frees the native backend. Close the collection first: an open one is dropped without a clean close. */
    @Override
    public synchronized void close() {
        if (backend != 0) {
            NativeMethods.closeBackend(backend);
            backend = 0;
        }
    }

    private static byte[] unpack(byte[][] result) {
        if (result == null) throw new IllegalStateException("native call returned null (JNI allocation failure)");
        if (result[1] != null) throw AnkiBackendException.decode(result[1]);
        return result[0];
    }

    /** Extracts librsdroid from the test artifact's jar to a temp file and System.load()s it (once per class loader). */
    static final class NativeLibrary {
        private static boolean loaded;

        static synchronized void load() {
            if (loaded) return;
            String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
            String resource = os.contains("win") ? "rsdroid.dll" : os.contains("mac") ? "librsdroid.dylib" : "librsdroid.so";
            try (InputStream in = AnkiBackend.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) throw new IllegalStateException(resource + " not on the classpath (anki-android-backend-testing missing?)");
                Path file = Files.createTempFile("librsdroid-", resource.substring(resource.lastIndexOf('.')));
                try {
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                    System.load(file.toAbsolutePath().toString());
                } finally {
                    if (os.contains("win")) {
                        file.toFile().deleteOnExit(); // a loaded DLL cannot be deleted
                    } else {
                        Files.delete(file);            // the mapping stays valid after unlinking
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("extracting " + resource, e);
            }
            loaded = true;
        }
    }
}
