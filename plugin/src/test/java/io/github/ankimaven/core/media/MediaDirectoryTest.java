package io.github.ankimaven.core.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.ankimaven.core.media.MediaReference.Origin;
import io.github.ankimaven.core.model.Finding;
import io.github.ankimaven.core.model.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaDirectoryTest {

    private static final String MEDIA = "src/main/anki/media";

    @TempDir
    Path project;

    private final List<Finding> findings = new ArrayList<>();

    private Path media() throws IOException {
        return Files.createDirectories(project.resolve(MEDIA));
    }

    private void files(String... names) throws IOException {
        for (String name : names) {
            Files.writeString(media().resolve(name), name);
        }
    }

    private static MediaReference field(String name, int line) {
        return new MediaReference(name, new SourceLocation("cards/a.csv", line), Origin.FIELD);
    }

    private List<String> select(MediaReference... references) throws IOException {
        MediaDirectory.Selection selection = new MediaDirectory(project.resolve(MEDIA), MEDIA).selection(findings::add);
        List.of(references).forEach(selection);
        return selection.finish().stream()
                .map(file -> {
                    assertEquals(project.resolve(MEDIA).resolve(file.name()), file.path());
                    return file.name();
                })
                .toList();
    }

    private List<String> findingTexts() {
        return findings.stream().sorted().map(f -> f.severity() + " " + f + " [" + f.rule() + "]").toList();
    }

    @Test
    void packsReferencedAndUnderscoredFilesInCodePointOrderAndWarnsAboutTheRest() throws IOException {
        files("cat.png", "Dog.png", "_style.css", "_font.woff2", "old.png", "\uD83D\uDE00.png", "\uFF21.png", ".DS_Store",
                ".gitkeep", "Thumbs.db");
        List<String> packed = select(field("cat.png", 2), field("Dog.png", 3), field("cat.png", 9),
                field("\uD83D\uDE00.png", 4), field("\uFF21.png", 5), field("_style.css", 6));
        assertEquals(List.of("Dog.png", "_font.woff2", "_style.css", "cat.png", "\uFF21.png", "\uD83D\uDE00.png"), packed);
        assertEquals(List.of("WARNING " + MEDIA + "/old.png:1: media file \"old.png\" is not referenced by any field, "
                + "template, styling or description, so it is not packed: delete it, refer to it, or start its name with \"_\" to "
                + "pack it anyway [media-unused]"), findingTexts());
    }

    @Test
    void reportsAMissingFileAtEveryRowThatRefersToIt() throws IOException {
        files("cat.png");
        assertEquals(List.of("cat.png"), select(field("cat.png", 2), field("dog.png", 3), field("dog.png", 8), field("dog.png", 8)));
        String message = "no media file \"dog.png\" in " + MEDIA + ": add it there or correct the reference [media-missing]";
        assertEquals(List.of("ERROR cards/a.csv:3: " + message, "ERROR cards/a.csv:8: " + message), findingTexts());
    }

    @Test
    void aReferenceRepeatedOnEveryRowIsResolvedOnceAndReportedAtEachRow() throws IOException {
        files("cat.png", "Dog.png", "caf\u00e9.png", "_style.css", "old.png");
        List<MediaReference> inReadingOrder = new ArrayList<>();
        inReadingOrder.add(new MediaReference("logo.png", new SourceLocation("note-type/front.html", 4), Origin.TEMPLATE));
        for (int line = 2; line < 400; line++) {
            // Each note refers to the same files, some twice (two fields at the note's line).
            inReadingOrder.add(field("cat.png", line));
            inReadingOrder.add(field("dog.png", line));
            inReadingOrder.add(field("dog.png", line));
            inReadingOrder.add(field(line % 7 == 0 ? "cafe\u0301.png" : "a?b.png", line));
        }
        assertEquals(List.of("_style.css", "cat.png"), select(inReadingOrder.toArray(MediaReference[]::new)));
        Map<String, Long> perRule = findings.stream().collect(Collectors.groupingBy(Finding::rule, TreeMap::new, Collectors.counting()));
        // logo.png: not "_" (static) and missing; dog.png: the case differs from Dog.png, once a row although two
        // fields of each row refer to it; a?b.png (341 rows) and the NFD café (57 rows): bad names; so old.png and
        // the NFC café.png are unused.
        assertEquals(Map.of("media-static", 1L, "media-missing", 1L + 398, "media-name", 341L + 57, "media-unused", 2L), perRule);
        assertEquals(398, findings.stream().filter(f -> f.message().contains("\"dog.png\"")).count());
    }

    @Test
    void aTemplateFileThatTwoTemplatesShareIsReportedOnceThoughOtherReferencesComeBetween() throws IOException {
        files("cat.png");
        MediaDirectory.Selection selection = new MediaDirectory(project.resolve(MEDIA), MEDIA).selection(findings::add);
        // As NoteTypeChecker visits them: Forward's front and back, then Reverse's front and the same back.
        for (String template : List.of("front1.html", "back.html", "front2.html", "back.html")) {
            selection.accept(new MediaReference("_deck.js", new SourceLocation(template, 1), Origin.TEMPLATE));
        }
        selection.accept(field("cat.png", 2));
        assertEquals(List.of("cat.png"), selection.finish().stream().map(MediaFile::name).toList());
        String message = "no media file \"_deck.js\" in " + MEDIA + ": add it there or correct the reference [media-missing]";
        assertEquals(List.of("ERROR back.html:1: " + message, "ERROR front1.html:1: " + message, "ERROR front2.html:1: " + message),
                findingTexts());
    }

    @Test
    void aMissingMediaDirectoryIsEmpty() throws IOException {
        assertEquals(List.of(), select(field("cat.png", 2)));
        assertEquals(List.of("ERROR cards/a.csv:2: no media file \"cat.png\" in " + MEDIA
                + ": add it there or correct the reference [media-missing]"), findingTexts());
        findings.clear();
        assertEquals(List.of(), select());
        assertEquals(List.of(), findingTexts());
    }

    @Test
    void aReferenceMustMatchTheFileNameExactly() throws IOException {
        files("cat.png", "cafe\u0301.png");
        assertEquals(List.of(), select(field("Cat.png", 2), field("caf\u00e9.png", 3)));
        assertEquals(List.of(
                "ERROR cards/a.csv:2: media reference \"Cat.png\" does not match the file \"cat.png\" (the case differs): "
                        + "refer to the file by its exact name [media-missing]",
                "ERROR cards/a.csv:3: media file \"cafe\u0301.png\" is not in Unicode normalization form NFC, so it does not "
                        + "match the reference \"caf\u00e9.png\": rename the file to the NFC form of its name (typing the "
                        + "name again usually does it) [media-missing]"),
                findingTexts());
    }

    @Test
    void namesThatDifferOnlyInCaseCollide() throws IOException {
        files("Cat.png", "cat.png", "_a.css", "_A.css");
        assertEquals(List.of("Cat.png", "_A.css", "_a.css", "cat.png"), select(field("Cat.png", 2), field("cat.png", 3)));
        String rest = "differ only in case or Unicode form, which Windows, macOS and recent Anki versions treat as the "
                + "same name: rename one of them [media-collision]";
        assertEquals(List.of("ERROR " + MEDIA + "/_a.css:1: media files \"_A.css\" and \"_a.css\" " + rest,
                "ERROR " + MEDIA + "/cat.png:1: media files \"Cat.png\" and \"cat.png\" " + rest), findingTexts());
    }

    @Test
    void anUnusedFileCollidesToo() throws IOException {
        files("shared.png", "Shared.png");
        assertEquals(List.of("shared.png"), select(field("shared.png", 2)));
        assertEquals(List.of("ERROR " + MEDIA + "/shared.png:1: media files \"Shared.png\" and \"shared.png\" differ only in"
                + " case or Unicode form, which Windows, macOS and recent Anki versions treat as the same name: rename one of"
                + " them [media-collision]"), findingTexts().stream().filter(f -> f.startsWith("ERROR")).toList(),
                "a macOS co-author's checkout holds one of them only, maybe not the one the cards show");
    }

    @Test
    void namesAnkiWouldChangeAreErrorsWhereTheyAreUsed() throws IOException {
        files("a?b.png", "_bad:name.css");
        assertEquals(List.of(), select(field("a?b.png", 2), field("img/cat.png", 3)));
        assertEquals(List.of(
                "ERROR cards/a.csv:2: media name \"a?b.png\" contains \"?\", which Anki removes; rename the file and its "
                        + "references to \"ab.png\" [media-name]",
                "ERROR cards/a.csv:3: media name \"img/cat.png\" is a path, but Anki keeps all media in one folder: put the "
                        + "file directly into the media directory and refer to it by its bare name [media-name]",
                "ERROR " + MEDIA + "/_bad:name.css:1: media name \"_bad:name.css\" contains \":\", which Anki removes; "
                        + "rename the file and its references to \"_badname.css\" [media-name]"),
                findingTexts());
    }

    @Test
    void templatesAndStylingMayOnlyRelyOnUnderscoredFiles() throws IOException {
        files("logo.png", "_ok.png", "bg.png");
        List<String> packed = select(new MediaReference("logo.png", new SourceLocation("note-type/front.html", 4), Origin.TEMPLATE),
                new MediaReference("_ok.png", new SourceLocation("note-type/front.html", 5), Origin.TEMPLATE),
                new MediaReference("bg.png", new SourceLocation("note-type/styling.css", 2), Origin.STYLING),
                field("bg.png", 7));
        assertEquals(List.of("_ok.png", "bg.png", "logo.png"), packed);
        assertEquals(List.of(
                "ERROR note-type/front.html:4: the card template refers to \"logo.png\", "
                        + "but Anki imports a file for templates and styling only if its name starts with \"_\": rename the "
                        + "file and its references to \"_logo.png\" [media-static]",
                "ERROR note-type/styling.css:2: the styling refers to \"bg.png\", but Anki imports a file for templates and "
                        + "styling only if its name starts with \"_\": rename the file and its references to \"_bg.png\" "
                        + "[media-static]"),
                findingTexts());
    }

    @Test
    void symbolicLinksAreNotPackedAndSubdirectoriesAreIgnored() throws IOException {
        files("real.png");
        Path outside = Files.writeString(project.resolve("secret.txt"), "outside");
        Files.createSymbolicLink(media().resolve("link.png"), outside);
        Files.createSymbolicLink(media().resolve("_inner.png"), media().resolve("real.png"));
        Files.createDirectories(media().resolve("sub"));
        Files.writeString(media().resolve("sub/deep.png"), "deep");
        assertEquals(List.of("real.png"), select(field("link.png", 2), field("real.png", 3), field("sub", 4)));
        assertEquals(List.of(
                "ERROR cards/a.csv:4: no media file \"sub\" in " + MEDIA + ": add it there or correct the reference [media-missing]",
                "ERROR " + MEDIA + "/_inner.png:1: media file \"_inner.png\" is a symbolic link, which is not packed: replace "
                        + "it with the file it points to [media-symlink]",
                "ERROR " + MEDIA + "/link.png:1: media file \"link.png\" is a symbolic link, which is not packed: replace it "
                        + "with the file it points to [media-symlink]",
                "WARNING " + MEDIA + "/sub:1: \"sub\" is a directory, and Anki keeps all media in one folder, so nothing in "
                        + "it is packed: move the files that cards need into " + MEDIA + " [media-directory]"),
                findingTexts());
    }

    @Test
    void aStaticFileMustEqualTheFileOfTheSameNameInTheOtherDecksOfTheBuild() throws IOException {
        files("_deck.css", "_same.css", "_Font.woff2", "latex-1.png", "cat.png");
        Path other = Files.createDirectories(project.resolve("src/main/anki/other/media"));
        Files.writeString(other.resolve("_deck.css"), ".card { color: red; }");
        Files.writeString(other.resolve("_same.css"), "_same.css");
        Files.writeString(other.resolve("_font.woff2"), "another font");
        Files.writeString(other.resolve("latex-1.png"), "another formula");
        Files.writeString(other.resolve("cat.png"), "another cat"); // not static: Anki renames it on import
        Files.writeString(other.resolve("_only-there.css"), "x");
        Path linked = Files.createSymbolicLink(other.resolve("_style.css"), other.resolve("_only-there.css"));
        files("_style.css");
        MediaDirectory.Selection selection = new MediaDirectory(project.resolve(MEDIA), MEDIA).selection(findings::add,
                List.of(new OtherDeckMedia("Other Deck", other, "src/main/anki/other/media"),
                        new OtherDeckMedia("Empty Deck", project.resolve("no-such-directory"), "no-such-directory")));
        selection.accept(field("cat.png", 2));
        selection.accept(field("latex-1.png", 3));
        assertEquals(List.of("_Font.woff2", "_deck.css", "_same.css", "_style.css", "cat.png", "latex-1.png"),
                selection.finish().stream().map(MediaFile::name).toList());
        String rest = " of the deck \"Other Deck\" in this build, and a learner's Anki keeps the first %s it imports and "
                + "ignores the other, so one deck would show the other's file: give each deck's file a name of its own (with the "
                + "deck's name in it, say), or make the two files the same [media-static-conflict]";
        assertEquals(List.of(
                "ERROR " + MEDIA + "/_Font.woff2:1: media file \"_Font.woff2\" differs from src/main/anki/other/media/_font.woff2"
                        + rest.formatted("\"_font.woff2\""),
                "ERROR " + MEDIA + "/_deck.css:1: media file \"_deck.css\" differs from src/main/anki/other/media/_deck.css"
                        + rest.formatted("\"_deck.css\"")),
                findingTexts(), "a symbolic link (" + linked.getFileName() + ") is not packed there, so it conflicts with nothing;"
                        + " neither does a latex- file, which the other deck packs only if a note of it names it");
    }
}
