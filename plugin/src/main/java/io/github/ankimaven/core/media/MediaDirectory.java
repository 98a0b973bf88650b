package io.github.ankimaven.core.media;

import io.github.ankimaven.core.media.MediaReference.Origin;
import io.github.ankimaven.core.model.Finding;
import io.github.ankimaven.core.model.SourceLocation;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The deck's media directory: a flat folder, like Anki's own. Decides which files to pack and
 * reports every reason why a file would not arrive in the learner's collection.
 *
 * <p>Findings about a reference are reported at each place that makes it; findings about a
 * file at {@code <displayPath>/<name>:1} (files have no lines; line 1 keeps the
 * {@code path:line} form that editors and CI annotations expect).
 */
public final class MediaDirectory {

    /** Files that operating systems leave in folders; nobody means to pack them. */
    private static final Set<String> SYSTEM_FILES = Set.of("thumbs.db", "desktop.ini");

    private final Path directory;
    private final String displayPath;

    /** @param displayPath the directory as shown in findings: relative to the project, with {@code /} */
    public MediaDirectory(Path directory, String displayPath) {
        this.directory = directory;
        this.displayPath = displayPath;
    }

    /**
     * Starts choosing the files to pack: each referenced file, and every file whose name starts
     * with {@code _} (Anki always imports those, for templates and styling). The selection takes
     * the references as a build finds them and resolves each at once, so that a deck whose every
     * note refers to media holds no list of the references, only the names seen and the files to
     * pack. Problems go to {@code findings}. Lists the directory now; reads no file content.
     */
    public Selection selection(Consumer<Finding> findings) throws IOException {
        return selection(findings, List.of());
    }

    /**
     * {@link #selection(Consumer)}, also checking at {@link Selection#finish()} that the files of
     * names starting with {@code _} equal the files of the same names
     * in {@code otherDecks}, the other decks of the same build.
     */
    public Selection selection(Consumer<Finding> findings, List<OtherDeckMedia> otherDecks) throws IOException {
        return new Selection(list(), findings, otherDecks);
    }

    private Map<String, Entry> list() throws IOException {
        Map<String, Entry> entries = new TreeMap<>(MediaNames.CODE_POINT_ORDER);
        if (!Files.isDirectory(directory)) {
            return entries;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(directory)) {
            for (Path child : children) {
                BasicFileAttributes attributes = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                Kind kind = attributes.isSymbolicLink() ? Kind.SYMBOLIC_LINK
                        : attributes.isDirectory() ? Kind.DIRECTORY
                        : attributes.isRegularFile() ? Kind.FILE : Kind.OTHER;
                String name = child.getFileName().toString();
                entries.put(name, new Entry(name, child, kind));
            }
        }
        return entries;
    }

    /** The regular files of {@code _} names in another deck's media directory, by {@link MediaNames#collisionKey}. */
    private static Map<String, Path> staticFilesByCollisionKey(Path directory) throws IOException {
        Map<String, Path> files = new HashMap<>();
        if (Files.isDirectory(directory)) {
            try (DirectoryStream<Path> children = Files.newDirectoryStream(directory)) {
                for (Path child : children) {
                    String name = child.getFileName().toString();
                    // Every "_" file is packed; a latex- file (also kept by Anki) only when a note names it.
                    if (name.startsWith("_") && Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS)) {
                        files.put(MediaNames.collisionKey(name), child);
                    }
                }
            }
        }
        return files;
    }

    private enum Kind {
        FILE,
        SYMBOLIC_LINK,
        DIRECTORY,
        OTHER
    }

    private record Entry(String name, Path path, Kind kind) {
        /** Whether a reference may name this entry (a link is named, then reported). */
        boolean isFileLike() {
            return kind == Kind.FILE || kind == Kind.SYMBOLIC_LINK;
        }
    }

    /**
     * One selection: {@link #accept} each reference (findings about it are reported at once),
     * then {@link #finish}.
     */
    public final class Selection implements Consumer<MediaReference> {
        private final Map<String, Entry> entries;
        private final Consumer<Finding> findings;
        private final List<OtherDeckMedia> otherDecks;
        private final Map<String, Path> packed = new TreeMap<>(MediaNames.CODE_POINT_ORDER);
        /** Entries that a reference names, so that they are not also reported as unused. */
        private final Set<String> referenced = new HashSet<>();
        /** Per name: the finding at each reference to it (NONE: a file to pack), worked out once. */
        private final Map<String, Problem> problems = new HashMap<>();
        /** Per name, the last field reference: the fields of one note come together and share its location. */
        private final Map<String, MediaReference> lastFieldReference = new HashMap<>();
        /** Template and styling references seen (a few per note type; a shared file comes back after others). */
        private final Set<MediaReference> staticReferences = new HashSet<>();
        private Map<String, Entry> fileLikeByCollisionKey;

        /** What is wrong with every reference to one name. */
        @FunctionalInterface
        private interface Problem {
            Finding at(SourceLocation reference);
        }

        private static final Problem NONE = reference -> null;

        private Selection(Map<String, Entry> entries, Consumer<Finding> findings, List<OtherDeckMedia> otherDecks) {
            this.entries = entries;
            this.findings = findings;
            this.otherDecks = otherDecks;
        }

        /** Resolves a reference, reporting at its location what would keep the file from the learner. */
        @Override
        public void accept(MediaReference reference) {
            String name = reference.name();
            boolean again = reference.origin() == Origin.FIELD ? reference.equals(lastFieldReference.put(name, reference))
                    : !staticReferences.add(reference);
            if (again) {
                return; // the same reference again (two fields of one note, a template file two note types share): reported once
            }
            if (reference.origin() != Origin.FIELD && !name.startsWith("_")) {
                error(reference.location(), "media-static", reference.origin().description() + " refers to \"" + name
                        + "\", but Anki imports a file for " + (reference.origin() == Origin.DESCRIPTION ? "the deck description"
                                : "templates and styling") + " only if its name starts with \"_\": "
                        + "rename the file and its references to \"_" + name + "\"");
            }
            Finding problem = problems.computeIfAbsent(name, this::resolve).at(reference.location());
            if (problem != null) {
                findings.accept(problem);
            }
        }

        /** Checks the files no reference named, and returns the files to pack, sorted by name. */
        public List<MediaFile> finish() throws IOException {
            checkUnreferencedEntries();
            checkCollisions();
            checkOtherDecks();
            return packed.entrySet().stream().map(e -> new MediaFile(e.getKey(), e.getValue())).toList();
        }

        private Problem resolve(String name) {
            Optional<String> problem = MediaNames.problem(name);
            if (problem.isPresent()) {
                referenced.add(name);
                return reference -> Finding.error(reference, "media-name", problem.get());
            }
            Entry entry = entries.get(name);
            if (entry != null && entry.isFileLike()) {
                referenced.add(name);
                if (entry.kind() == Kind.FILE) {
                    packed.put(name, entry.path());
                }
                return NONE;
            }
            String message = Optional.ofNullable(fileLikeByCollisionKey().get(MediaNames.collisionKey(name)))
                    .map(similar -> {
                        referenced.add(similar.name());
                        return MediaNames.isNfc(similar.name())
                                ? "media reference \"" + name + "\" does not match the file \"" + similar.name()
                                        + "\" (the case differs): refer to the file by its exact name"
                                : "media file \"" + similar.name() + "\" is not in Unicode normalization form NFC, so it "
                                        + "does not match the reference \"" + name + "\": rename the file to the NFC form "
                                        + "of its name (typing the name again usually does it)";
                    })
                    .orElse("no media file \"" + name + "\" in " + displayPath + ": add it there or correct the reference");
            return reference -> Finding.error(reference, "media-missing", message);
        }

        /** The first file-like entry of each {@link MediaNames#collisionKey}; made once, as decks may miss thousands of files. */
        private Map<String, Entry> fileLikeByCollisionKey() {
            if (fileLikeByCollisionKey == null) {
                fileLikeByCollisionKey = new HashMap<>();
                entries.values().stream().filter(Entry::isFileLike)
                        .forEach(entry -> fileLikeByCollisionKey.putIfAbsent(MediaNames.collisionKey(entry.name()), entry));
            }
            return fileLikeByCollisionKey;
        }

        private void checkUnreferencedEntries() {
            for (Entry entry : entries.values()) {
                SourceLocation location = fileLocation(entry.name());
                switch (entry.kind()) {
                    case SYMBOLIC_LINK -> error(location, "media-symlink", "media file \"" + entry.name()
                            + "\" is a symbolic link, which is not packed: replace it with the file it points to");
                    case DIRECTORY -> findings.accept(Finding.warning(location, "media-directory", "\"" + entry.name()
                            + "\" is a directory, and Anki keeps all media in one folder, so nothing in it is packed: "
                            + "move the files that cards need into " + displayPath));
                    case FILE -> checkUnreferencedFile(entry, location);
                    case OTHER -> { }
                }
            }
        }

        private void checkUnreferencedFile(Entry file, SourceLocation location) {
            if (referenced.contains(file.name())) {
                return;
            }
            if (file.name().startsWith("_")) {
                MediaNames.problem(file.name()).ifPresentOrElse(
                        problem -> error(location, "media-name", problem),
                        () -> packed.put(file.name(), file.path()));
            } else if (!file.name().startsWith(".") && !SYSTEM_FILES.contains(file.name().toLowerCase(Locale.ROOT))) {
                findings.accept(Finding.warning(location, "media-unused", "media file \"" + file.name()
                        + "\" is not referenced by any field, template, styling or description, so it is not packed: delete"
                        + " it, refer to it, or start its name with \"_\" to pack it anyway"));
            }
        }

        /**
         * Every file of the directory, packed or not: on a co-author's macOS or Windows checkout, git
         * writes both into one file, so even an unused one can replace the one the cards show.
         */
        private void checkCollisions() {
            Map<String, String> firstNameByKey = new HashMap<>();
            for (Entry entry : entries.values()) {
                if (!entry.isFileLike()) {
                    continue;
                }
                String name = entry.name();
                String first = firstNameByKey.putIfAbsent(MediaNames.collisionKey(name), name);
                if (first != null) {
                    error(fileLocation(name), "media-collision", "media files \"" + first + "\" and \"" + name
                            + "\" differ only in case or Unicode form, which Windows, macOS and recent Anki versions "
                            + "treat as the same name: rename one of them");
                }
            }
        }

        /**
         * A learner who imports two decks of this build gets only the first one's file of a {@code _}
         * name: Anki never replaces such a file that is already there.
         */
        private void checkOtherDecks() throws IOException {
            for (OtherDeckMedia other : otherDecks) {
                Map<String, Path> staticFiles = staticFilesByCollisionKey(other.directory());
                for (Map.Entry<String, Path> file : packed.entrySet()) {
                    Path there = file.getKey().startsWith("_") ? staticFiles.get(MediaNames.collisionKey(file.getKey())) : null;
                    if (there != null && Files.mismatch(file.getValue(), there) != -1) {
                        String otherName = there.getFileName().toString();
                        error(fileLocation(file.getKey()), "media-static-conflict", "media file \"" + file.getKey()
                                + "\" differs from " + other.display() + "/" + otherName + " of the deck \"" + other.deckName()
                                + "\" in this build, and a learner's Anki keeps the first \"" + otherName + "\" it imports"
                                + " and ignores the other, so one deck would show the other's file: give each deck's file a"
                                + " name of its own (with the deck's name in it, say), or make the two files the same");
                    }
                }
            }
        }

        private SourceLocation fileLocation(String name) {
            return new SourceLocation(displayPath + "/" + name, 1);
        }

        private void error(SourceLocation location, String rule, String message) {
            findings.accept(Finding.error(location, rule, message));
        }
    }
}
