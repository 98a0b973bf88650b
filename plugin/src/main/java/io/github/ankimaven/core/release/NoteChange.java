package io.github.ankimaven.core.release;

import io.github.ankimaven.core.model.SourceLocation;
import java.util.List;

/**
 * How one note differs from the previous release.
 *
 * @param term the note's term in this release (the previous one for removed notes)
 * @param previousTerm the term in the previous release when it changed, else null
 * @param changedParts for changed notes: the names of the changed fields, then "tags" and "deck"
 * @param location where the note is defined now (null for removed notes)
 */
public record NoteChange(String guid, String term, String previousTerm, String deck, List<String> changedParts,
        SourceLocation location) {

    public NoteChange {
        changedParts = List.copyOf(changedParts);
    }
}
