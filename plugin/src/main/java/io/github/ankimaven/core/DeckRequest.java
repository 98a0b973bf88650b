package io.github.ankimaven.core;

import io.github.ankimaven.core.format.FieldFormat;
import io.github.ankimaven.core.media.OtherDeckMedia;
import io.github.ankimaven.core.model.BuiltInNoteTypes;
import io.github.ankimaven.core.model.CardFile;
import io.github.ankimaven.core.model.NoteType;
import io.github.ankimaven.core.model.Severity;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything needed to check and build one deck, in plain Java.
 *
 * @param deckName the full deck name ({@code ::} separates parent and child decks)
 * @param descriptionHtml the deck's description (HTML) shown on its overview screen
 * @param descriptionFile a Markdown file whose rendering replaces {@code descriptionHtml}, or null
 * @param identity what makes this deck's ids and GUIDs unique (by default the project's
 *     {@code groupId:artifactId}); renaming the deck does not change its notes' identity
 * @param cardFiles the card files; read in order of their display paths
 * @param tags tags added to every note
 * @param noteType the note type of card files that do not name one ({@code #notetype:})
 * @param customNoteTypes note types declared for the build, which card files may name
 * @param format the format of every field without an entry in {@code fieldFormats}
 * @param fieldFormats formats of single fields, by field name (case-insensitive)
 * @param mediaDirectory the deck's media files (a missing directory holds none)
 * @param mediaDisplay the media directory as shown in findings
 * @param buildTime the release's timestamp: note and card {@code mod} and ids
 * @param previousRelease the package of the previous release, or null for a first release
 * @param allowBreakingChanges report release-compatibility problems as warnings instead of errors
 * @param mediaOfOtherDecks the media directories of the other decks of the same build, whose
 *     {@code _} files must not differ from this deck's under the same name
 * @param ruleSeverities severities of single rules instead of their own, by rule id (see {@link RuleSeverities})
 * @param unreadSpreadsheets spreadsheets among the card files' folder that are not read (not CSV), each a warning
 */
public record DeckRequest(
        String deckName,
        String descriptionHtml,
        CardFile descriptionFile,
        String identity,
        List<CardFile> cardFiles,
        Charset encoding,
        List<String> tags,
        NoteType noteType,
        List<NoteType> customNoteTypes,
        FieldFormat format,
        Map<String, FieldFormat> fieldFormats,
        Path mediaDirectory,
        String mediaDisplay,
        Severity duplicateTermSeverity,
        Instant buildTime,
        Path previousRelease,
        boolean allowBreakingChanges,
        List<OtherDeckMedia> mediaOfOtherDecks,
        Map<String, Severity> ruleSeverities,
        List<CardFile> unreadSpreadsheets) {

    /** A request for plain-text fields, without media directory or previous release. */
    public DeckRequest(String deckName, String descriptionHtml, String identity, List<CardFile> cardFiles, Charset encoding,
            List<String> tags, NoteType noteType, Severity duplicateTermSeverity, Instant buildTime) {
        this(deckName, descriptionHtml, null, identity, cardFiles, encoding, tags, noteType, List.of(), FieldFormat.TEXT,
                Map.of(), null, null, duplicateTermSeverity, buildTime, null, false, List.of(), Map.of(), List.of());
    }

    public DeckRequest {
        Objects.requireNonNull(deckName, "deckName");
        descriptionHtml = descriptionHtml == null ? "" : descriptionHtml;
        Objects.requireNonNull(identity, "identity");
        cardFiles = cardFiles.stream().sorted(Comparator.comparing(CardFile::displayPath)).toList();
        Objects.requireNonNull(encoding, "encoding");
        tags = List.copyOf(tags);
        Objects.requireNonNull(noteType, "noteType");
        customNoteTypes = List.copyOf(customNoteTypes);
        Objects.requireNonNull(format, "format");
        TreeMap<String, FieldFormat> byField = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byField.putAll(fieldFormats);
        fieldFormats = byField;
        Objects.requireNonNull(duplicateTermSeverity, "duplicateTermSeverity");
        Objects.requireNonNull(buildTime, "buildTime");
        mediaOfOtherDecks = List.copyOf(mediaOfOtherDecks);
        ruleSeverities = Collections.unmodifiableSortedMap(new TreeMap<>(ruleSeverities));
        unreadSpreadsheets = unreadSpreadsheets.stream().sorted(Comparator.comparing(CardFile::displayPath)).toList();
    }

    /** A note type by the name a card file gives it: a built-in key ({@code cloze}, …) or a declared note type's name. */
    public java.util.Optional<NoteType> noteTypeNamed(String name) {
        String wanted = name.strip();
        for (NoteType custom : customNoteTypes) {
            if (custom.name().equalsIgnoreCase(wanted) || custom.key().equalsIgnoreCase(wanted)) {
                return java.util.Optional.of(custom);
            }
        }
        return io.github.ankimaven.core.model.BuiltInNoteTypes.forKey(wanted.toLowerCase(Locale.ROOT), deckName);
    }

    public DeckRequest withNoteTypes(NoteType defaultType, List<NoteType> custom) {
        return new DeckRequest(deckName, descriptionHtml, descriptionFile, identity, cardFiles, encoding, tags, defaultType,
                custom, format, fieldFormats, mediaDirectory, mediaDisplay, duplicateTermSeverity, buildTime,
                previousRelease, allowBreakingChanges, mediaOfOtherDecks, ruleSeverities, unreadSpreadsheets);
    }

    /** The format of a field of the note type. */
    public FieldFormat formatOf(String fieldName) {
        return fieldFormats.getOrDefault(fieldName, format);
    }

    /**
     * Field names in {@code fieldFormats} that no note type the deck may use has (a configuration
     * mistake): neither its default or declared note types nor a built-in one, which a card file
     * can choose with {@code #notetype:}.
     */
    public List<String> unknownFormattedFields() {
        List<NoteType> candidates = new ArrayList<>(customNoteTypes);
        candidates.add(noteType);
        BuiltInNoteTypes.KEYS.forEach(key -> BuiltInNoteTypes.forKey(key, deckName).ifPresent(candidates::add));
        return fieldFormats.keySet().stream()
                .filter(name -> candidates.stream().allMatch(t -> t.fieldIndex(name) < 0))
                .toList();
    }

    public DeckRequest withPreviousRelease(Path previous, boolean allowBreaking) {
        return new DeckRequest(deckName, descriptionHtml, descriptionFile, identity, cardFiles, encoding, tags, noteType,
                customNoteTypes, format, fieldFormats, mediaDirectory, mediaDisplay, duplicateTermSeverity, buildTime,
                previous, allowBreaking, mediaOfOtherDecks, ruleSeverities, unreadSpreadsheets);
    }

    public DeckRequest withDeckName(String name) {
        return new DeckRequest(name, descriptionHtml, descriptionFile, identity, cardFiles, encoding, tags, noteType,
                customNoteTypes, format, fieldFormats, mediaDirectory, mediaDisplay, duplicateTermSeverity, buildTime,
                previousRelease, allowBreakingChanges, mediaOfOtherDecks, ruleSeverities, unreadSpreadsheets);
    }

    public DeckRequest withBuildTime(Instant time) {
        return new DeckRequest(deckName, descriptionHtml, descriptionFile, identity, cardFiles, encoding, tags, noteType,
                customNoteTypes, format, fieldFormats, mediaDirectory, mediaDisplay, duplicateTermSeverity, time,
                previousRelease, allowBreakingChanges, mediaOfOtherDecks, ruleSeverities, unreadSpreadsheets);
    }

    public DeckRequest withFormats(FieldFormat defaultFormat, Map<String, FieldFormat> byField) {
        return new DeckRequest(deckName, descriptionHtml, descriptionFile, identity, cardFiles, encoding, tags, noteType,
                customNoteTypes, defaultFormat, byField, mediaDirectory, mediaDisplay, duplicateTermSeverity, buildTime,
                previousRelease, allowBreakingChanges, mediaOfOtherDecks, ruleSeverities, unreadSpreadsheets);
    }

    public DeckRequest withMedia(Path directory, String display) {
        return new DeckRequest(deckName, descriptionHtml, descriptionFile, identity, cardFiles, encoding, tags, noteType,
                customNoteTypes, format, fieldFormats, directory, display, duplicateTermSeverity, buildTime,
                previousRelease, allowBreakingChanges, mediaOfOtherDecks, ruleSeverities, unreadSpreadsheets);
    }

    public DeckRequest withDescriptionFile(CardFile file) {
        return new DeckRequest(deckName, descriptionHtml, file, identity, cardFiles, encoding, tags, noteType,
                customNoteTypes, format, fieldFormats, mediaDirectory, mediaDisplay, duplicateTermSeverity, buildTime,
                previousRelease, allowBreakingChanges, mediaOfOtherDecks, ruleSeverities, unreadSpreadsheets);
    }

    public DeckRequest withRuleSeverities(Map<String, Severity> severities) {
        return new DeckRequest(deckName, descriptionHtml, descriptionFile, identity, cardFiles, encoding, tags, noteType,
                customNoteTypes, format, fieldFormats, mediaDirectory, mediaDisplay, duplicateTermSeverity, buildTime,
                previousRelease, allowBreakingChanges, mediaOfOtherDecks, severities, unreadSpreadsheets);
    }

    public DeckRequest withUnreadSpreadsheets(List<CardFile> spreadsheets) {
        return new DeckRequest(deckName, descriptionHtml, descriptionFile, identity, cardFiles, encoding, tags, noteType,
                customNoteTypes, format, fieldFormats, mediaDirectory, mediaDisplay, duplicateTermSeverity, buildTime,
                previousRelease, allowBreakingChanges, mediaOfOtherDecks, ruleSeverities, spreadsheets);
    }

    public DeckRequest withMediaOfOtherDecks(List<OtherDeckMedia> others) {
        return new DeckRequest(deckName, descriptionHtml, descriptionFile, identity, cardFiles, encoding, tags, noteType,
                customNoteTypes, format, fieldFormats, mediaDirectory, mediaDisplay, duplicateTermSeverity, buildTime,
                previousRelease, allowBreakingChanges, others, ruleSeverities, unreadSpreadsheets);
    }

    /**
     * The decks of one build, each told the media directories of the others (see
     * {@link #mediaOfOtherDecks}); a deck that shares its media directory with another is not
     * told about that one, as it ships the very same files. A spreadsheet in the folders of
     * several decks is named by the first of them only.
     */
    public static List<DeckRequest> ofOneBuild(List<DeckRequest> decks) {
        List<DeckRequest> linked = new ArrayList<>();
        Set<Path> spreadsheets = new HashSet<>(); // one warning for each, from the first deck whose folder holds it
        for (DeckRequest deck : decks) {
            List<CardFile> unread = deck.unreadSpreadsheets().stream()
                    .filter(sheet -> spreadsheets.add(sheet.path().toAbsolutePath().normalize())).toList();
            List<OtherDeckMedia> others = decks.stream()
                    .filter(other -> other != deck && other.mediaDirectory() != null && deck.mediaDirectory() != null
                            && !other.mediaDirectory().toAbsolutePath().normalize()
                                    .equals(deck.mediaDirectory().toAbsolutePath().normalize()))
                    .map(other -> new OtherDeckMedia(other.deckName(), other.mediaDirectory(), other.mediaDisplay()))
                    .toList();
            linked.add(deck.withMediaOfOtherDecks(others).withUnreadSpreadsheets(unread));
        }
        return linked;
    }
}
