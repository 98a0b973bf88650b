package io.github.ankimaven.core;

import io.github.ankimaven.core.model.CardFile;
import io.github.ankimaven.core.model.NoteType;
import io.github.ankimaven.core.model.Severity;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Everything needed to check and build one deck, in plain Java.
 *
 * @param deckName the full deck name ({@code ::} separates parent and child decks)
 * @param descriptionHtml the deck's description (HTML) shown on its overview screen
 * @param identity what makes this deck's ids and GUIDs unique (by default the project's
 *     {@code groupId:artifactId}); renaming the deck does not change its notes' identity
 * @param cardFiles the card files; read in order of their display paths
 * @param tags tags added to every note
 * @param buildTime the release's timestamp: note and card {@code mod} and ids
 * @param previousRelease the package of the previous release, or null for a first release
 * @param allowBreakingChanges report release-compatibility problems as warnings instead of errors
 */
public record DeckRequest(
        String deckName,
        String descriptionHtml,
        String identity,
        List<CardFile> cardFiles,
        Charset encoding,
        List<String> tags,
        NoteType noteType,
        Severity duplicateTermSeverity,
        Instant buildTime,
        Path previousRelease,
        boolean allowBreakingChanges) {

    /** A request without a previous release. */
    public DeckRequest(String deckName, String descriptionHtml, String identity, List<CardFile> cardFiles, Charset encoding,
            List<String> tags, NoteType noteType, Severity duplicateTermSeverity, Instant buildTime) {
        this(deckName, descriptionHtml, identity, cardFiles, encoding, tags, noteType, duplicateTermSeverity, buildTime, null, false);
    }

    public DeckRequest withPreviousRelease(Path previous, boolean allowBreaking) {
        return new DeckRequest(deckName, descriptionHtml, identity, cardFiles, encoding, tags, noteType, duplicateTermSeverity,
                buildTime, previous, allowBreaking);
    }

    public DeckRequest withDeckName(String name) {
        return new DeckRequest(name, descriptionHtml, identity, cardFiles, encoding, tags, noteType, duplicateTermSeverity,
                buildTime, previousRelease, allowBreakingChanges);
    }

    public DeckRequest withCardFiles(List<CardFile> files) {
        return new DeckRequest(deckName, descriptionHtml, identity, files, encoding, tags, noteType, duplicateTermSeverity,
                buildTime, previousRelease, allowBreakingChanges);
    }

    public DeckRequest withBuildTime(Instant time) {
        return new DeckRequest(deckName, descriptionHtml, identity, cardFiles, encoding, tags, noteType, duplicateTermSeverity,
                time, previousRelease, allowBreakingChanges);
    }

    public DeckRequest {
        Objects.requireNonNull(deckName, "deckName");
        descriptionHtml = descriptionHtml == null ? "" : descriptionHtml;
        Objects.requireNonNull(identity, "identity");
        cardFiles = cardFiles.stream().sorted(Comparator.comparing(CardFile::displayPath)).toList();
        Objects.requireNonNull(encoding, "encoding");
        tags = List.copyOf(tags);
        Objects.requireNonNull(noteType, "noteType");
        Objects.requireNonNull(duplicateTermSeverity, "duplicateTermSeverity");
        Objects.requireNonNull(buildTime, "buildTime");
    }
}
