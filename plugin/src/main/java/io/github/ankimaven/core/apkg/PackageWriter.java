package io.github.ankimaven.core.apkg;

import io.github.ankimaven.core.DeckConfigurationException;
import io.github.ankimaven.core.DeckRequest;
import io.github.ankimaven.core.media.MediaFile;
import io.github.ankimaven.core.model.Finding;
import io.github.ankimaven.core.model.NoteType;
import io.github.ankimaven.core.model.RenderedNote;
import io.github.ankimaven.core.release.PreviousRelease;
import io.github.ankimaven.core.release.ReleaseChanges;
import io.github.ankimaven.core.release.ReleaseNotes;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Builds a package in a temporary directory next to its destination and moves it into place
 * only on {@link #commit}: a failed or interrupted build never leaves a partial {@code .apkg}.
 * Next to the package it writes the release notes ({@code <name>-release-notes.md}).
 */
public final class PackageWriter implements AutoCloseable {

    private final Path output;
    private final Path releaseNotes;
    private final Path workDirectory;
    private final Path collectionFile;
    private final DeckLayout layout;
    private final DeckRequest request;
    private final PreviousRelease previous;
    private CollectionWriter collection; // opened on the inserter's thread; read after it has finished
    private final Pipeline<NoteRow> inserter;
    private final ParallelDeflate deflate;
    private ReleaseNotes.ChangeLists changeLists; // with a previous release: the notes it changes, for the release notes
    private int notes;
    private int cards;
    private boolean committed;
    private boolean closed;

    private PackageWriter(Path output, Path workDirectory, DeckLayout layout, DeckRequest request, PreviousRelease previous)
            throws IOException {
        this.output = output;
        this.releaseNotes = releaseNotesPath(output);
        this.workDirectory = workDirectory;
        this.collectionFile = workDirectory.resolve("collection.anki2");
        this.layout = layout;
        this.request = request;
        this.previous = previous;
        this.deflate = new ParallelDeflate(collectionFile, workDirectory.resolve("collection.deflated"), PackageZip.COLLECTION_LEVEL,
                PackageZip.INDEX_LEVEL);
        // SQLite is loaded and the collection created on the inserter's thread, while the first notes are read.
        this.inserter = new Pipeline<>("anki-collection-writer", () -> {
            collection = new CollectionWriter(collectionFile, layout, request.tags(), previous != null);
            return row -> collection.add(row.note(), row.guid(), row.cardOrdinals());
        });
    }

    /**
     * Starts loading, on a thread of its own, what writing a package needs and is slow to load:
     * SQLite's native library first (see {@link SqliteLibrary}), then the JSON and zip classes.
     * Called first thing in a build, so that the collection writer finds SQLite loaded by the time
     * the first notes are read.
     */
    public static void warmUp() {
        Thread warmUp = new Thread(() -> {
            try {
                SqliteLibrary.load();
                PackageZip.warmUp();
            } catch (Throwable ignored) {
                // Only a head start: the writer loads what it needs itself. A build that failed
                // fast may have returned and Maven closed the plugin's class loader meanwhile.
            }
        }, "anki-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    public static PackageWriter open(Path output, DeckRequest request, String descriptionHtml)
            throws IOException, DeckConfigurationException {
        Path directory = output.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path work = Files.createTempDirectory(directory, "." + output.getFileName() + ".");
        DeckLayout layout = DeckLayout.of(request.identity(), request.deckName(), descriptionHtml,
                request.noteType(), request.buildTime());
        try {
            PreviousRelease previous = request.previousRelease() == null ? null
                    : PreviousRelease.open(request.previousRelease(), work);
            return new PackageWriter(output, work, layout, request, previous);
        } catch (IOException | DeckConfigurationException | RuntimeException e) {
            deleteRecursively(work);
            deleteStale(output);
            throw e;
        }
    }

    /** Deletes the package and release notes an earlier build left, which a failed build must not leave looking current. */
    public static void deleteStale(Path output) throws IOException {
        Files.deleteIfExists(output);
        Files.deleteIfExists(releaseNotesPath(output));
    }

    /** The release notes' path for a package: {@code deck-1.0.apkg} → {@code deck-1.0-release-notes.md}. */
    public static Path releaseNotesPath(Path packageFile) {
        String name = packageFile.getFileName().toString();
        String stem = name.endsWith(".apkg") ? name.substring(0, name.length() - ".apkg".length()) : name;
        return packageFile.resolveSibling(stem + "-release-notes.md");
    }

    /** Queues a note for the collection; SQLite inserts run on their own thread while the next notes are read. */
    public void add(RenderedNote note, String guid, List<Integer> cardOrdinals) throws IOException {
        inserter.add(new NoteRow(note, guid, cardOrdinals));
        notes++;
        cards += cardOrdinals.size();
    }

    public int notes() {
        return notes;
    }

    public int cards() {
        return cards;
    }

    private record NoteRow(RenderedNote note, String guid, List<Integer> cardOrdinals) {}

    /**
     * Compares the notes with the previous release (if any), reporting what would hurt learners
     * to {@code findings}; returns what this release changes.
     */
    public ReleaseChanges compareWithPreviousRelease(Consumer<Finding> findings, List<MediaFile> media) throws IOException {
        inserter.finish();
        collection.finishLoading();
        // The tables are written; compress them on a spare core while SQLite builds the indexes.
        deflate.startEarly(Files.size(collectionFile));
        String display = previous == null ? null : previous.packageFile().getFileName().toString();
        Map<String, String> mediaSha1 = new TreeMap<>(); // only files the previous release had: what could have changed
        if (previous != null) {
            for (MediaFile file : media) {
                if (previous.mediaSha1().containsKey(file.name())) {
                    mediaSha1.put(file.name(), PackageZip.sha1(file.path()));
                }
            }
        }
        changeLists = previous == null ? null : new ReleaseNotes.ChangeLists(workDirectory);
        try (ReleaseNotes.ChangeLists lists = changeLists) {
            return collection.compare(previous, display, mediaSha1, findings, request.allowBreakingChanges(), lists);
        }
    }

    /** Finishes the collection, zips it, moves it into place and writes the release notes; returns the package size. */
    public long commit(ReleaseChanges changes, List<MediaFile> media) throws IOException {
        collection.finish(noteTypeMods());
        collection.close();
        Path zip = workDirectory.resolve("package.apkg");
        PackageZip.write(zip, deflate, media, layout.buildTime());
        Path notes = workDirectory.resolve("release-notes.md");
        ReleaseNotes.write(notes, layout.deckName(), output.getFileName().toString(), changes, changeLists);
        moveIntoPlace(zip, output);
        moveIntoPlace(notes, releaseNotes);
        committed = true;
        return Files.size(output);
    }

    /** Each note type's {@code mod}: the previous release's when nothing in it changed, else the build time. */
    private Map<NoteType, Long> noteTypeMods() {
        Map<NoteType, Long> mods = new LinkedHashMap<>();
        for (NoteType noteType : collection.noteTypes()) {
            PreviousRelease.PreviousNoteType before = previous == null ? null : previous.noteTypes().get(layout.noteTypeId(noteType));
            boolean unchanged = before != null && before.json().equals(CollectionJson.modelJson(layout, noteType, before.mod()));
            mods.put(noteType, unchanged ? before.mod() : layout.buildSeconds());
        }
        return mods;
    }

    private static void moveIntoPlace(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Drops the work directory. Without a commit (errors in the cards, or a failure) it also
     * deletes a package and release notes left by an earlier build, which would now be stale.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            inserter.stop();
            if (changeLists != null) {
                changeLists.close();
            }
            deflate.close();
            if (collection != null) {
                collection.close();
            }
        } finally {
            deleteRecursively(workDirectory);
            if (!committed) {
                deleteStale(output);
            }
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
