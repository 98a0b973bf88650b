package io.github.ankimaven.core;

import io.github.ankimaven.core.model.CardFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * Finds a deck's card files below its source directory with Ant-style include/exclude patterns.
 * Patterns match case-insensitively on every operating system: Java's glob matching follows the
 * platform (case-insensitive on Windows, case-sensitive elsewhere), and a co-author's
 * {@code Verbs.CSV} must not be part of the deck on one machine and silently missing on another.
 */
public final class CardFiles {

    private CardFiles() {}

    /** Spreadsheet files, whose cards a deck would silently miss: each is named in a warning. */
    private static final Set<String> SPREADSHEETS = Set.of("xlsx", "xlsm", "xlsb", "xls", "ods", "numbers");

    /**
     * The card files of a deck, and the spreadsheets below its source directory that are not among
     * them (and not excluded): an author who drops {@code verbs.xlsx} next to the CSV files must
     * learn that its cards are not in the deck.
     */
    public record Found(List<CardFile> cardFiles, List<CardFile> unreadSpreadsheets) {}

    /**
     * The regular files below {@code sourceDirectory} matching any include and no exclude,
     * sorted by path; {@code baseDirectory} is what their display paths are relative to.
     */
    public static List<CardFile> find(Path baseDirectory, Path sourceDirectory, List<String> includes, List<String> excludes)
            throws IOException, DeckConfigurationException {
        return scan(baseDirectory, sourceDirectory, includes, excludes).cardFiles();
    }

    /** {@link #find}, with the spreadsheets it leaves out. */
    public static Found scan(Path baseDirectory, Path sourceDirectory, List<String> includes, List<String> excludes)
            throws IOException, DeckConfigurationException {
        if (!Files.isDirectory(sourceDirectory)) {
            throw new DeckConfigurationException("<sourceDirectory> " + display(baseDirectory, sourceDirectory)
                    + " does not exist: create it and put the deck's card files (.csv, .tsv) in it, or point <sourceDirectory> to them");
        }
        List<PathMatcher> include = matchers(includes);
        List<PathMatcher> exclude = matchers(excludes);
        List<CardFile> files = new ArrayList<>();
        List<CardFile> spreadsheets = new ArrayList<>();
        // Linked directories are followed: a deck may share card files with another through a link.
        try (Stream<Path> paths = Files.walk(sourceDirectory, FileVisitOption.FOLLOW_LINKS)) {
            for (Path path : paths.toList()) {
                Path relative = Path.of(sourceDirectory.relativize(path).toString().toLowerCase(Locale.ROOT));
                if (matchesAny(exclude, relative)) {
                    continue;
                }
                if (!matchesAny(include, relative)) {
                    if (isSpreadsheet(relative) && Files.isRegularFile(path)) {
                        spreadsheets.add(new CardFile(path, display(baseDirectory, path)));
                    }
                    continue;
                }
                if (Files.isRegularFile(path)) {
                    files.add(new CardFile(path, display(baseDirectory, path)));
                } else if (Files.isSymbolicLink(path) && !Files.exists(path)) {
                    throw new DeckConfigurationException(display(baseDirectory, path) + " is a symbolic link to "
                            + Files.readSymbolicLink(path) + ", which does not exist: fix the link, or remove it");
                }
            }
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof FileSystemLoopException loop) {
                throw new DeckConfigurationException("the symbolic link " + display(baseDirectory, Path.of(loop.getFile()))
                        + " leads back into a directory that contains it: remove the link or point it elsewhere");
            }
            throw e.getCause();
        }
        files.sort(Comparator.comparing(CardFile::displayPath));
        spreadsheets.sort(Comparator.comparing(CardFile::displayPath));
        if (files.isEmpty()) {
            throw new DeckConfigurationException("no card files in " + display(baseDirectory, sourceDirectory) + " match "
                    + includes + (excludes.isEmpty() ? "" : " (excluding " + excludes + ")")
                    + ": add a .csv or .tsv file, or change <includes>"
                    + (spreadsheets.isEmpty() ? "" : " (" + spreadsheets.get(0).displayPath()
                            + " is a spreadsheet: save it as CSV UTF-8 next to it)"));
        }
        // A spreadsheet next to a card file of its name (verbs.xlsx beside verbs.csv) is the master it was saved from.
        Set<String> saved = new HashSet<>();
        files.forEach(file -> saved.add(withoutExtension(file.path())));
        return new Found(files, spreadsheets.stream().filter(sheet -> !saved.contains(withoutExtension(sheet.path()))).toList());
    }

    /** The path without its extension, case ignored: {@code a/Verbs.xlsx} and {@code a/verbs.csv} give the same. */
    private static String withoutExtension(Path path) {
        String text = path.toAbsolutePath().normalize().toString().toLowerCase(Locale.ROOT);
        int dot = text.lastIndexOf('.');
        int separator = Math.max(text.lastIndexOf('/'), text.lastIndexOf('\\'));
        return dot > separator ? text.substring(0, dot) : text;
    }

    private static boolean isSpreadsheet(Path relative) {
        String name = relative.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || name.startsWith("~$") || !SPREADSHEETS.contains(name.substring(dot + 1))) {
            return false; // not a spreadsheet, or the lock file Excel keeps while one is open (~$verbs.xlsx)
        }
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return false; // hidden, or in a hidden folder
            }
        }
        return true;
    }

    /** A path as shown to users: relative to the base directory when inside it, with '/' separators. */
    public static String display(Path baseDirectory, Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path base = baseDirectory.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(base) ? base.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }

    private static List<PathMatcher> matchers(List<String> patterns) throws DeckConfigurationException {
        List<PathMatcher> matchers = new ArrayList<>();
        for (String pattern : patterns) {
            String glob = pattern.replace('\\', '/').toLowerCase(Locale.ROOT);
            try {
                matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
            } catch (PatternSyntaxException e) {
                throw new DeckConfigurationException("the pattern \"" + pattern + "\" in <includes> or <excludes> is not valid"
                        + " near character " + (e.getIndex() + 1) + " (check its brackets and braces); patterns look like **/*.csv");
            }
            // Ant's "**/" also matches no directory at all: "**/*.csv" matches "cards.csv".
            while (glob.startsWith("**/")) {
                glob = glob.substring(3);
                matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
            }
        }
        return matchers;
    }

    private static boolean matchesAny(List<PathMatcher> matchers, Path relative) {
        return matchers.stream().anyMatch(m -> m.matches(relative));
    }
}
