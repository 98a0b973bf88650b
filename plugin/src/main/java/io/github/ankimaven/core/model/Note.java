package io.github.ankimaven.core.model;

import java.util.List;
import java.util.Set;

/**
 * One row of a card file, as the author wrote it.
 *
 * @param noteType the note type of its file
 * @param deck the full name of the deck its cards go to (the deck, or one of its subdecks)
 * @param fieldLines the line where each field's cell starts (a quoted cell may span lines)
 * @param fields plain-text field values in the note type's field order (never null)
 * @param tags the row's own tags, in the order written
 * @param explicitGuid the row's {@code guid} cell, or null when the GUID is to be derived
 * @param fieldsWithoutColumn the fields its file's header has no column for (a warning there says so)
 */
public record Note(NoteType noteType, SourceLocation location, List<String> fields, List<String> tags, String explicitGuid,
        String deck, List<Integer> fieldLines, Set<String> fieldsWithoutColumn) {

    public Note {
        fields = List.copyOf(fields);
        tags = List.copyOf(tags);
        fieldLines = List.copyOf(fieldLines);
        fieldsWithoutColumn = Set.copyOf(fieldsWithoutColumn);
    }

    /** A note of a file with a column for each field. */
    public Note(NoteType noteType, SourceLocation location, List<String> fields, List<String> tags, String explicitGuid,
            String deck, List<Integer> fieldLines) {
        this(noteType, location, fields, tags, explicitGuid, deck, fieldLines, Set.of());
    }

    /** Where the cell of field {@code index} starts. */
    public SourceLocation fieldLocation(int index) {
        return new SourceLocation(location.file(), fieldLines.get(index));
    }

    /** The GUID Anki gets for the note: its {@code guid} cell, else {@code derivedGuid}. */
    public String guid(String derivedGuid) {
        return explicitGuid != null ? explicitGuid : derivedGuid;
    }

    /** The sort field: the term, which identifies the note. */
    public String term() {
        return fields.get(noteType.sortFieldIndex());
    }
}
