package io.github.ankimaven.core;

import io.github.ankimaven.core.apkg.PackageWriter;
import io.github.ankimaven.core.apkg.StableIds;
import io.github.ankimaven.core.check.DeckChecker;
import io.github.ankimaven.core.check.Findings;
import io.github.ankimaven.core.csv.CardFileReader;
import io.github.ankimaven.core.model.CardFile;
import io.github.ankimaven.core.model.Note;
import io.github.ankimaven.core.release.ReleaseChanges;
import io.github.ankimaven.core.text.TermKey;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The single entry point of the core: checks a deck, and builds its package when it has no
 * errors. Card files are streamed once; notes go to the checks and, when building, straight
 * into the collection, which is discarded if any error turns up.
 */
public final class DeckBuilder {

    private DeckBuilder() {}

    /** Reads and checks every card file; writes nothing. */
    public static DeckReport check(DeckRequest request) throws IOException, DeckConfigurationException {
        DeckNames.validate(request.deckName());
        Findings findings = new Findings();
        int[] counts = new int[2];
        DeckChecker checker = new DeckChecker(request.noteType(), request.duplicateTermSeverity());
        readAll(request, findings, (note, guid) -> {
            counts[0]++;
            counts[1] += checker.accept(note, guid, findings).size();
        });
        checker.finish(findings);
        return new DeckReport(request.cardFiles().size(), counts[0], counts[1], findings.sorted(), null, 0, null);
    }

    /**
     * Checks the deck (and, with a previous release, whether the release would hurt learners)
     * and, when there is no error, writes its package to {@code output} atomically, with release
     * notes next to it. On errors nothing is written and an existing {@code output} is deleted, so
     * a stale package never looks like the result of this build.
     */
    public static DeckReport build(DeckRequest request, Path output) throws IOException, DeckConfigurationException {
        DeckNames.validate(request.deckName());
        Findings findings = new Findings();
        DeckChecker checker = new DeckChecker(request.noteType(), request.duplicateTermSeverity());
        try (PackageWriter writer = PackageWriter.open(output, request)) {
            readAll(request, findings, (note, guid) -> writer.add(note, guid, checker.accept(note, guid, findings)));
            checker.finish(findings);
            if (!findings.hasErrors()) {
                ReleaseChanges changes = writer.compareWithPreviousRelease(findings);
                if (!findings.hasErrors()) {
                    long bytes = writer.commit(changes);
                    return new DeckReport(request.cardFiles().size(), writer.notes(), writer.cards(), findings.sorted(), output,
                            bytes, changes);
                }
            }
            return new DeckReport(request.cardFiles().size(), writer.notes(), writer.cards(), findings.sorted(), null, 0, null);
        }
    }

    @FunctionalInterface
    private interface GuidNoteConsumer {
        void accept(Note note, String guid) throws IOException;
    }

    private static void readAll(DeckRequest request, Findings findings, GuidNoteConsumer consumer) throws IOException {
        CardFileReader reader = new CardFileReader(request.noteType(), request.encoding(), request.deckName());
        for (CardFile file : request.cardFiles()) {
            reader.read(file, note -> consumer.accept(note, guidOf(request, note)), findings);
        }
    }

    /** The explicit {@code guid} cell, else one derived from the deck's identity and the term. */
    static String guidOf(DeckRequest request, Note note) {
        return note.explicitGuid() != null ? note.explicitGuid() : StableIds.guid(request.identity(), TermKey.of(note.term()));
    }
}
