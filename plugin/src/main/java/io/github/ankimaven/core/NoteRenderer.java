package io.github.ankimaven.core;

import io.github.ankimaven.core.format.FieldFormat;
import io.github.ankimaven.core.format.FieldProblem;
import io.github.ankimaven.core.format.FormattedField;
import io.github.ankimaven.core.media.FieldMediaInTemplates;
import io.github.ankimaven.core.media.MediaReference;
import io.github.ankimaven.core.media.MediaReferences;
import io.github.ankimaven.core.model.Finding;
import io.github.ankimaven.core.model.Note;
import io.github.ankimaven.core.model.NoteType;
import io.github.ankimaven.core.model.RenderedNote;
import io.github.ankimaven.core.template.Cloze;
import io.github.ankimaven.core.template.NoteKind;
import io.github.ankimaven.core.text.TermKey;
import java.util.List;
import java.util.function.Consumer;

/** Turns a note's cells into field HTML by their format, reporting format problems and collecting media references. */
final class NoteRenderer {

    private final DeckRequest request;
    private final Consumer<Finding> findings;
    private final Consumer<MediaReference> mediaReferences;
    private NoteType lastNoteType;
    private FieldFormat[] lastFormats;
    private FieldMediaInTemplates lastFieldMedia;

    NoteRenderer(DeckRequest request, Consumer<Finding> findings, Consumer<MediaReference> mediaReferences) {
        this.request = request;
        this.findings = findings;
        this.mediaReferences = mediaReferences;
    }

    RenderedNote render(Note note) {
        // An array made into a list once (List.of keeps one or two items without one): this runs for every note.
        String[] htmlArray = new String[note.fields().size()];
        FieldFormat[] formats = formats(note.noteType());
        for (int i = 0; i < htmlArray.length; i++) {
            FormattedField field = formats[i].renderStored(note.fields().get(i));
            List<FieldProblem> problems = field.problems();
            for (int p = 0; p < problems.size(); p++) {
                findings.accept(problems.get(p).at(note.fieldLocation(i), note.noteType().fields().get(i)));
            }
            String stored = field.html();
            List<MediaReference> references = MediaReferences.inField(stored, note.location());
            for (int r = 0; r < references.size(); r++) {
                mediaReferences.accept(references.get(r));
            }
            htmlArray[i] = stored;
        }
        List<String> html = List.of(htmlArray);
        lastFieldMedia.check(note, html, formats, findings, mediaReferences);
        // Plain-text terms keep the key they always had (GUIDs derive from it); formatted terms
        // are compared as the text learners see; cloze text without its cloze markup.
        int sort = note.noteType().sortFieldIndex();
        String term = formats[sort] == FieldFormat.TEXT ? note.term() : TermKey.visibleText(html.get(sort));
        if (note.noteType().kind() == NoteKind.CLOZE) {
            term = Cloze.withoutMarkup(term);
        }
        String key = TermKey.of(term);
        return new RenderedNote(note, html, key, TermKey.duplicateKey(term, key));
    }

    /** Each field's format; kept for the last note type, as files hold many notes of one type (with its field media). */
    private FieldFormat[] formats(NoteType noteType) {
        if (noteType != lastNoteType) {
            lastFormats = noteType.fields().stream().map(request::formatOf).toArray(FieldFormat[]::new);
            lastFieldMedia = FieldMediaInTemplates.of(noteType);
            lastNoteType = noteType;
        }
        return lastFormats;
    }
}
