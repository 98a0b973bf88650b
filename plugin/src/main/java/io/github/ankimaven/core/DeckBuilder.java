package io.github.ankimaven.core;

import io.github.ankimaven.core.apkg.PackageWriter;
import io.github.ankimaven.core.apkg.StableIds;
import io.github.ankimaven.core.check.DeckChecker;
import io.github.ankimaven.core.check.Findings;
import io.github.ankimaven.core.check.NoteTypeChecker;
import io.github.ankimaven.core.csv.CardFileReader;
import io.github.ankimaven.core.format.FieldFormat;
import io.github.ankimaven.core.format.FieldProblem;
import io.github.ankimaven.core.format.FormattedField;
import io.github.ankimaven.core.media.MediaDirectory;
import io.github.ankimaven.core.media.MediaFile;
import io.github.ankimaven.core.media.MediaReference;
import io.github.ankimaven.core.media.MediaReference.Origin;
import io.github.ankimaven.core.media.MediaReferences;
import io.github.ankimaven.core.model.CardFile;
import io.github.ankimaven.core.model.Finding;
import io.github.ankimaven.core.model.NoteType;
import io.github.ankimaven.core.model.RenderedNote;
import io.github.ankimaven.core.model.SourceLocation;
import io.github.ankimaven.core.preview.PreviewNote;
import io.github.ankimaven.core.preview.PreviewSite;
import io.github.ankimaven.core.release.ReleaseChanges;
import io.github.ankimaven.core.text.TextFiles;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The single entry point of the core: checks a deck, builds its package when it has no
 * errors, or writes a preview of its cards. Card files are streamed once; each note is
 * rendered, checked and, when building, written straight into the collection, which is
 * discarded if any error turns up.
 */
public final class DeckBuilder {

    private DeckBuilder() {}

    /** Reads and checks every card file and the media; writes nothing. */
    public static DeckReport check(DeckRequest request) throws IOException, DeckConfigurationException {
        return checkEach(request, new Findings(request.ruleSeverities()), (note, cards) -> { }).report();
    }

    /**
     * Checks the deck like {@link #check} and writes a static preview site of every card, with the
     * findings beside the cards they concern, to {@code directory} (see {@link PreviewSite}).
     * Errors do not stop the preview: showing them is its purpose.
     */
    public static DeckReport preview(DeckRequest request, Path directory) throws IOException, DeckConfigurationException {
        List<PreviewNote> notes = new ArrayList<>();
        // Every finding, not the first 1,000 of a rule: the preview shows each beside its card (and holds the cards anyway).
        Checked checked = checkEach(request, Findings.unlimited(request.ruleSeverities()),
                (note, cards) -> notes.add(new PreviewNote(note, cards)));
        PreviewSite.write(request, notes, checked.media(), checked.report(), directory);
        return checked.report();
    }

    private record Checked(DeckReport report, List<MediaFile> media) {}

    @FunctionalInterface
    private interface CheckedNoteConsumer {
        void accept(RenderedNote note, List<Integer> cardOrdinals);
    }

    private static Checked checkEach(DeckRequest request, Findings findings, CheckedNoteConsumer consumer)
            throws IOException, DeckConfigurationException {
        validate(request);
        reportUnreadSpreadsheets(request, findings);
        Description description = description(request, findings);
        int[] counts = new int[2];
        DeckChecker checker = new DeckChecker(request.duplicateTermSeverity(), request.identity());
        MediaDirectory.Selection media = mediaSelection(request, findings);
        Consumer<MediaReference> references = media == null ? reference -> { } : media;
        description.media().forEach(references);
        checkNoteTypes(request, findings, references);
        readAll(request, findings, references, (note, derivedGuid) -> {
            List<Integer> cards = checker.accept(note, derivedGuid, findings);
            counts[0]++;
            counts[1] += cards.size();
            consumer.accept(note, cards);
        });
        finishChecks(request, checker, findings);
        List<MediaFile> files = media == null ? List.of() : media.finish();
        return new Checked(new DeckReport(request.cardFiles().size(), counts[0], counts[1], files.size(), findings.sorted(),
                null, 0, null), files);
    }

    /**
     * Checks the deck (and, with a previous release, whether the release would hurt learners)
     * and, when there is no error, writes its package to {@code output} atomically, with release
     * notes next to it. On errors nothing is written and an existing {@code output} is deleted, so
     * a stale package never looks like the result of this build.
     */
    public static DeckReport build(DeckRequest request, Path output) throws IOException, DeckConfigurationException {
        return build(request, output, BuildProgress.NONE);
    }

    /** {@link #build(DeckRequest, Path)}, telling {@code progress} how it goes; the report has the time of each phase. */
    public static DeckReport build(DeckRequest request, Path output, BuildProgress progress)
            throws IOException, DeckConfigurationException {
        Map<String, Duration> phases = new LinkedHashMap<>();
        long start = System.nanoTime();
        PackageWriter.warmUp();
        Findings findings = new Findings(request.ruleSeverities());
        Description description;
        try {
            validate(request);
            reportUnreadSpreadsheets(request, findings);
            description = description(request, findings);
        } catch (IOException | DeckConfigurationException | RuntimeException e) {
            PackageWriter.deleteStale(output);
            throw e;
        }
        DeckChecker checker = new DeckChecker(request.duplicateTermSeverity(), request.identity());
        try (PackageWriter writer = PackageWriter.open(output, request, description.html())) {
            // Inside: a media directory that cannot be listed must not leave an earlier package looking current.
            MediaDirectory.Selection mediaSelection = mediaSelection(request, findings);
            Consumer<MediaReference> references = mediaSelection == null ? reference -> { } : mediaSelection;
            description.media().forEach(references);
            checkNoteTypes(request, findings, references);
            progress.phase("reading, checking and writing notes");
            readAll(request, findings, references, (note, derivedGuid) -> {
                writer.add(note, note.note().guid(derivedGuid), checker.accept(note, derivedGuid, findings));
                if (writer.notes() % BuildProgress.EVERY == 0) {
                    progress.notesRead(writer.notes());
                }
            });
            finishChecks(request, checker, findings);
            List<MediaFile> media = mediaSelection == null ? List.of() : mediaSelection.finish();
            start = lap(phases, "notes", start);
            if (!findings.hasErrors()) {
                progress.phase("finishing the collection");
                ReleaseChanges changes = writer.compareWithPreviousRelease(findings, media);
                start = lap(phases, "collection", start);
                if (!findings.hasErrors()) {
                    progress.phase("compressing the package");
                    long bytes = writer.commit(changes, media);
                    lap(phases, "package", start);
                    return new DeckReport(request.cardFiles().size(), writer.notes(), writer.cards(), media.size(),
                            findings.sorted(), output, bytes, changes, phases);
                }
            }
            return new DeckReport(request.cardFiles().size(), writer.notes(), writer.cards(), media.size(), findings.sorted(),
                    null, 0, null);
        }
    }

    /** Records the time since {@code start} as a phase; returns the new start. */
    private static long lap(Map<String, Duration> phases, String phase, long start) {
        long now = System.nanoTime();
        phases.put(phase, Duration.ofNanos(now - start));
        return now;
    }

    private static void validate(DeckRequest request) throws DeckConfigurationException {
        DeckNames.validate(request.deckName());
        if (!request.unknownFormattedFields().isEmpty()) {
            throw new DeckConfigurationException("<fieldFormats> names " + request.unknownFormattedFields()
                    + ", which no note type of the deck has (built-in or declared); the deck's note type has "
                    + request.noteType().fields());
        }
    }

    private static void reportUnreadSpreadsheets(DeckRequest request, Findings findings) {
        List<Path> mediaDirectories = new ArrayList<>();
        if (request.mediaDirectory() != null) {
            mediaDirectories.add(request.mediaDirectory().toAbsolutePath().normalize());
        }
        request.mediaOfOtherDecks().forEach(other -> mediaDirectories.add(other.directory().toAbsolutePath().normalize()));
        for (CardFile spreadsheet : request.unreadSpreadsheets()) {
            Path path = spreadsheet.path().toAbsolutePath().normalize();
            if (mediaDirectories.stream().noneMatch(path::startsWith)) { // a media file may well be a spreadsheet
                findings.accept(Finding.warning(new SourceLocation(spreadsheet.displayPath(), 0), "card-file",
                        "a spreadsheet is not read, so its cards are not in the deck: save it as CSV UTF-8 next to it (Excel:"
                                + " Save As > CSV UTF-8; LibreOffice: Save As > Text CSV, UTF-8), or list it in <excludes>"));
            }
        }
    }

    /** Cross-note checks; notes sharing a term or GUID hash are read once more to confirm them. */
    private static void finishChecks(DeckRequest request, DeckChecker checker, Findings findings) throws IOException {
        if (checker.needsVerification()) {
            readAll(request, new Findings(), reference -> { }, checker::verify);
        }
        checker.finish(findings);
    }

    private static void checkNoteTypes(DeckRequest request, Findings findings, Consumer<MediaReference> references) {
        Set<NoteType> noteTypes = new LinkedHashSet<>();
        noteTypes.add(request.noteType());
        noteTypes.addAll(request.customNoteTypes());
        noteTypes.forEach(noteType -> NoteTypeChecker.check(noteType, findings, references));
    }

    /** The deck description's HTML and the media files it shows. */
    private record Description(String html, List<MediaReference> media) {}

    /** The description: the Markdown file rendered (with the media it shows, each at its line), or the configured text. */
    private static Description description(DeckRequest request, Findings findings) throws IOException, DeckConfigurationException {
        CardFile file = request.descriptionFile();
        if (file == null) {
            return new Description(request.descriptionHtml(), List.of()); // plain text: no media
        }
        String text;
        try {
            text = TextFiles.read(file.path(), request.encoding());
        } catch (CharacterCodingException e) {
            throw new DeckConfigurationException("the description " + file.displayPath() + " is not valid "
                    + request.encoding().name() + ": save it as " + request.encoding().name() + " or set <encoding>");
        }
        String markdown = text.strip();
        // Findings count lines from the first one kept: add the blank lines the strip removed.
        String leading = text.substring(0, text.length() - text.stripLeading().length());
        int firstLine = 1 + (int) leading.chars().filter(c -> c == '\n').count();
        FormattedField rendered = FieldFormat.MARKDOWN.render(markdown);
        for (FieldProblem problem : rendered.problems()) {
            findings.accept(problem.at(new SourceLocation(file.displayPath(), firstLine)));
        }
        List<MediaReference> media = new ArrayList<>();
        for (MediaReference reference : MediaReferences.inField(rendered.html(), new SourceLocation(file.displayPath(), firstLine))) {
            // The rendered HTML has other lines than the Markdown: find the name where the author wrote it.
            Matcher written = Pattern.compile("[(\"'=<:]\\s*" + Pattern.quote(reference.name()) + "(?=[)\"'\\s>\\]]|$)")
                    .matcher(markdown);
            int at = written.find() ? written.end() : 0;
            int line = firstLine + (int) markdown.substring(0, at).chars().filter(c -> c == '\n').count();
            media.add(new MediaReference(reference.name(), new SourceLocation(file.displayPath(), line), Origin.DESCRIPTION));
        }
        return new Description(rendered.html(), media);
    }

    /** Where media references go as they are found: the media directory's selection, or null when the deck has none. */
    private static MediaDirectory.Selection mediaSelection(DeckRequest request, Findings findings) throws IOException {
        return request.mediaDirectory() == null ? null
                : new MediaDirectory(request.mediaDirectory(), request.mediaDisplay())
                        .selection(findings, request.mediaOfOtherDecks());
    }

    @FunctionalInterface
    private interface RenderedNoteConsumer {
        /** @param derivedGuid the GUID the note's term gives it (its guid cell, if any, may differ) */
        void accept(RenderedNote note, String derivedGuid) throws IOException;
    }

    private static void readAll(DeckRequest request, Findings findings, Consumer<MediaReference> references,
            RenderedNoteConsumer consumer) throws IOException {
        CardFileReader reader = new CardFileReader(request.noteType(), request::noteTypeNamed, request.encoding(),
                request.deckName());
        NoteRenderer renderer = new NoteRenderer(request, findings, references);
        StableIds.GuidMaker guids = new StableIds.GuidMaker(request.identity());
        for (CardFile file : request.cardFiles()) {
            reader.read(file, note -> {
                RenderedNote rendered = renderer.render(note);
                consumer.accept(rendered, guids.guid(rendered.termKey()));
            }, findings);
        }
    }
}
