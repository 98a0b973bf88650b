package io.github.ankimaven.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.ankimaven.core.format.FieldFormat;
import io.github.ankimaven.core.media.OtherDeckMedia;
import io.github.ankimaven.core.model.BuiltInNoteTypes;
import io.github.ankimaven.core.model.CardTemplate;
import io.github.ankimaven.core.model.CardFile;
import io.github.ankimaven.core.model.NoteType;
import io.github.ankimaven.core.model.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildFingerprintTest {

    private static final Path OUTPUT = Path.of("target/deck.apkg");

    @TempDir
    Path directory;

    private DeckRequest request(Path cards) {
        return new DeckRequest("Deck", "", "g:a", List.of(new CardFile(cards, "cards.csv")), StandardCharsets.UTF_8,
                List.of(), NoteType.termDefinition(), Severity.ERROR, Instant.parse("2026-11-25T00:00:00Z"));
    }

    @Test
    void inTheBackgroundItIsTheSameFingerprintAndFollowsTheCardFiles() throws IOException {
        Path cards = Files.writeString(directory.resolve("cards.csv"), "Term,Definition\nVM,virtual machine\n");
        String before = BuildFingerprint.of(request(cards), OUTPUT, "1.0", "2026");
        assertEquals(before, BuildFingerprint.inBackground(request(cards), OUTPUT, "1.0", "2026").get());
        Files.writeString(cards, "Term,Definition\nVM,a virtual machine\n");
        assertNotEquals(before, BuildFingerprint.inBackground(request(cards), OUTPUT, "1.0", "2026").get());
    }

    /** A request that uses every input a build reads: card file, description file, media directory, note types. */
    private DeckRequest fullRequest(List<NoteType> customNoteTypes, Map<String, FieldFormat> fieldFormats, Instant buildTime) {
        return new DeckRequest("Deck", null, new CardFile(directory.resolve("description.md"), "description.md"), "g:a",
                List.of(new CardFile(directory.resolve("cards.csv"), "cards.csv")), StandardCharsets.UTF_8, List.of("tag"),
                NoteType.termDefinition(), customNoteTypes, FieldFormat.TEXT, fieldFormats, directory.resolve("media"), "media",
                Severity.ERROR, buildTime, null, false, List.of(), Map.of(), List.of());
    }

    private String fullFingerprint() throws IOException {
        return BuildFingerprint.of(fullRequest(List.of(), Map.of(), Instant.parse("2026-11-25T00:00:00Z")), OUTPUT, "1.0", "2026");
    }

    @Test
    void theRequestIsDescribedByEveryComponentOfEveryRecordInIt() {
        assertEquals("OtherDeckMedia[deckName=Verbs, directory=media/verbs, display=verbs]",
                BuildFingerprint.describe(new OtherDeckMedia("Verbs", Path.of("media/verbs"), "verbs")));
        assertEquals("[CardTemplate[name=Card 1, front={{Front}}, back={{Back}}, frontSource=null, backSource=null]]",
                BuildFingerprint.describe(List.of(new CardTemplate("Card 1", "{{Front}}", "{{Back}}"))));
        assertEquals("{a=TEXT, b=[x, y]}", BuildFingerprint.describe(new java.util.TreeMap<>(Map.of("a", FieldFormat.TEXT,
                "b", List.of("x", "y")))));

        DeckRequest request = fullRequest(List.of(), Map.of("Definition", FieldFormat.MARKDOWN), Instant.EPOCH);
        String described = BuildFingerprint.describe(request);
        for (java.lang.reflect.RecordComponent component : DeckRequest.class.getRecordComponents()) {
            org.junit.jupiter.api.Assertions.assertTrue(described.contains(", " + component.getName() + "=")
                    || described.startsWith("DeckRequest[" + component.getName() + "="), component.getName());
        }
        assertEquals(described, BuildFingerprint.describe(fullRequest(List.of(), Map.of("Definition", FieldFormat.MARKDOWN),
                Instant.EPOCH)), "the same request, the same text");
        NoteType termDefinition = NoteType.termDefinition();
        NoteType otherBack = new NoteType(termDefinition.key(), termDefinition.name(), termDefinition.kind(),
                termDefinition.fields(), List.of(termDefinition.templates().get(0), new CardTemplate("Card 2", "{{Definition}}",
                        "{{FrontSide}}<hr id=answer>{{Term}}!")), termDefinition.css(), termDefinition.sortFieldIndex(), null);
        assertNotEquals(BuildFingerprint.describe(fullRequest(List.of(termDefinition), Map.of(), Instant.EPOCH)),
                BuildFingerprint.describe(fullRequest(List.of(otherBack), Map.of(), Instant.EPOCH)),
                "a template deep inside a note type");
    }

    @Test
    void everyFileTheBuildReadsAndEverySettingIsInTheFingerprint() throws IOException {
        Files.writeString(directory.resolve("cards.csv"), "Term,Definition\nVM,<img src=\"vm.png\">\n");
        Files.writeString(directory.resolve("description.md"), "A *deck*.");
        Path media = Files.createDirectories(directory.resolve("media"));
        Files.write(media.resolve("vm.png"), new byte[] {1, 2, 3});
        String before = fullFingerprint();
        assertEquals(before, BuildFingerprint.of(fullRequest(List.of(), Map.of(), Instant.parse("2030-01-01T00:00:00Z")), OUTPUT,
                "1.0", "2026"), "the same inputs give the same fingerprint; the resolved build time is not part of it");

        Files.write(media.resolve("vm.png"), new byte[] {1, 2, 4});
        String mediaChanged = fullFingerprint();
        assertNotEquals(before, mediaChanged, "a media file's content");
        Files.write(media.resolve("_extra.css"), new byte[] {1});
        String mediaAdded = fullFingerprint();
        assertNotEquals(mediaChanged, mediaAdded, "a media file added");
        Files.writeString(directory.resolve("description.md"), "A *new* deck.");
        String descriptionChanged = fullFingerprint();
        assertNotEquals(mediaAdded, descriptionChanged, "the description file");

        Instant time = Instant.parse("2026-11-25T00:00:00Z");
        NoteType cloze = BuiltInNoteTypes.forKey("cloze", "Deck").orElseThrow();
        assertNotEquals(descriptionChanged, BuildFingerprint.of(fullRequest(List.of(cloze), Map.of(), time), OUTPUT, "1.0", "2026"),
                "a further note type");
        assertNotEquals(descriptionChanged, BuildFingerprint.of(fullRequest(List.of(), Map.of("Definition", FieldFormat.MARKDOWN),
                time), OUTPUT, "1.0", "2026"), "a field's format");
    }

    @Test
    void eachOutputHasItsOwnFingerprint() throws IOException {
        Path cards = Files.writeString(directory.resolve("cards.csv"), "Term,Definition\nVM,virtual machine\n");
        assertNotEquals(BuildFingerprint.of(request(cards), OUTPUT, "1.0", "2026"),
                BuildFingerprint.of(request(cards), Path.of("dist/deck.apkg"), "1.0", "2026"),
                "a package in another directory is another output, built on its own");
    }

    @Test
    void aFingerprintIsKeptOnlyWhenNoInputChangedWhileTheBuildRan() throws IOException {
        Path cards = Files.writeString(directory.resolve("cards.csv"), "Term,Definition\nVM,<img src=\"vm.png\">\n");
        Files.writeString(directory.resolve("description.md"), "A deck.");
        Path media = Files.createDirectories(directory.resolve("media"));
        Files.write(media.resolve("vm.png"), new byte[] {1, 2, 3});
        DeckRequest request = fullRequest(List.of(), Map.of(), Instant.parse("2026-11-25T00:00:00Z"));

        BuildFingerprint.Pending unchanged = BuildFingerprint.inBackground(request, OUTPUT, "1.0", "2026");
        assertEquals(fullFingerprint(), unchanged.ifInputsUnchanged());

        BuildFingerprint.Pending edited = BuildFingerprint.inBackground(request, OUTPUT, "1.0", "2026");
        edited.get();
        Files.writeString(cards, "Term,Definition\nVM,<img src=\"vm.png\"> and more\n");
        assertNull(edited.ifInputsUnchanged(), "a card file saved during the build");

        BuildFingerprint.Pending added = BuildFingerprint.inBackground(request, OUTPUT, "1.0", "2026");
        Files.write(media.resolve("new.png"), new byte[] {4});
        assertNull(added.ifInputsUnchanged(), "a media file added during the build");

        BuildFingerprint.Pending missing = BuildFingerprint.inBackground(
                request.withPreviousRelease(directory.resolve("gone.apkg"), false), OUTPUT, "1.0", "2026");
        assertNull(missing.orNull(), "an input that cannot be read: nothing is up to date, the build reports it");
        assertNull(missing.ifInputsUnchanged());
    }

    @Test
    void aFailureInTheBackgroundIsThrownWhenTheFingerprintIsAskedFor() {
        BuildFingerprint.Pending pending = BuildFingerprint.inBackground(request(directory.resolve("gone.csv")), OUTPUT, "1.0", "2026");
        assertThrows(NoSuchFileException.class, pending::get);
    }
}
