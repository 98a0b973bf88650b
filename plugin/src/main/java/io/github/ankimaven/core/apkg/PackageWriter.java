package io.github.ankimaven.core.apkg;

import io.github.ankimaven.core.DeckRequest;
import io.github.ankimaven.core.model.Note;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds a package in a temporary directory next to its destination and moves it into place
 * only on {@link #commit}: a failed or interrupted build never leaves a partial {@code .apkg}.
 */
public final class PackageWriter implements AutoCloseable {

    private final Path output;
    private final Path workDirectory;
    private final Path collectionFile;
    private final DeckLayout layout;
    private final CollectionWriter collection;
    private boolean committed;
    private boolean closed;

    private PackageWriter(Path output, Path workDirectory, DeckLayout layout, List<String> extraTags) throws IOException {
        this.output = output;
        this.workDirectory = workDirectory;
        this.collectionFile = workDirectory.resolve("collection.anki2");
        this.layout = layout;
        this.collection = new CollectionWriter(collectionFile, layout, extraTags);
    }

    public static PackageWriter open(Path output, DeckRequest request) throws IOException {
        Path directory = output.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path work = Files.createTempDirectory(directory, "." + output.getFileName() + ".");
        DeckLayout layout = DeckLayout.of(request.identity(), request.deckName(), request.description(),
                request.noteType(), request.buildTime());
        try {
            return new PackageWriter(output, work, layout, request.tags());
        } catch (IOException | RuntimeException e) {
            deleteRecursively(work);
            throw e;
        }
    }

    public void add(Note note, String guid, List<Integer> cardOrdinals) throws IOException {
        collection.add(note, guid, cardOrdinals);
    }

    public int notes() {
        return collection.notes();
    }

    public int cards() {
        return collection.cards();
    }

    /** Finishes the collection, zips it and moves the package into place; returns its size. */
    public long commit() throws IOException {
        collection.finish();
        collection.close();
        Path zip = workDirectory.resolve("package.apkg");
        PackageZip.write(zip, collectionFile, "{}", layout.buildTime());
        try {
            Files.move(zip, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(zip, output, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
        return Files.size(output);
    }

    /**
     * Drops the work directory. Without a commit (errors in the cards, or a failure) it also
     * deletes a package left by an earlier build, which would now be stale.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            collection.close();
        } finally {
            deleteRecursively(workDirectory);
            if (!committed) {
                Files.deleteIfExists(output);
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
