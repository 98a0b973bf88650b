package io.github.ankimaven.core.check;

import io.github.ankimaven.core.model.Finding;
import io.github.ankimaven.core.model.Note;
import io.github.ankimaven.core.model.NoteType;
import io.github.ankimaven.core.model.RenderedNote;
import io.github.ankimaven.core.model.Severity;
import io.github.ankimaven.core.model.SourceLocation;
import io.github.ankimaven.core.template.Cloze;
import io.github.ankimaven.core.template.ClozeProblem;
import io.github.ankimaven.core.template.NoteKind;
import io.github.ankimaven.core.template.ParsedNoteType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The checks that look across notes and at the cards they make: duplicate terms (across all
 * card files of the deck), duplicate GUIDs, cloze syntax, and notes that make no card or miss
 * one. Notes are fed one at a time; the cross-note findings are produced by {@link #finish}.
 */
public final class DeckChecker {

    private final Severity duplicateTermSeverity;
    private final Map<NoteType, ParsedNoteType> parsed = new HashMap<>();
    private final Map<String, List<SourceLocation>> termLocations = new LinkedHashMap<>();
    private final Map<String, String> termSpelling = new HashMap<>();
    private final Map<String, List<SourceLocation>> guidLocations = new LinkedHashMap<>();
    private final Set<String> explicitGuids = new HashSet<>();

    public DeckChecker(Severity duplicateTermSeverity) {
        this.duplicateTermSeverity = duplicateTermSeverity;
    }

    /** Records a note; returns the ordinals of the cards Anki would create for it. */
    public List<Integer> accept(RenderedNote rendered, String guid, Consumer<Finding> findings) {
        Note note = rendered.note();
        String key = rendered.termKey();
        termLocations.computeIfAbsent(key, k -> new ArrayList<>(1)).add(note.location());
        termSpelling.putIfAbsent(key, note.term().strip());
        guidLocations.computeIfAbsent(guid, k -> new ArrayList<>(1)).add(note.location());
        if (note.explicitGuid() != null) {
            explicitGuids.add(guid);
        }
        NoteType noteType = note.noteType();
        ParsedNoteType parsedType = parsed.computeIfAbsent(noteType, ParsedNoteType::of);
        if (noteType.kind() == NoteKind.CLOZE) {
            checkClozeSyntax(note, findings);
        }
        List<Integer> cards = parsedType.cardOrdinals(rendered.htmlFields());
        if (cards.isEmpty()) {
            findings.accept(Finding.error(note.location(), "no-card", noteType.kind() == NoteKind.CLOZE
                    ? "no cloze deletion: write the text to hide as {{c1::…}} (c2, c3… for more cards)"
                    : "this note makes no card: every card's front would be empty; fill "
                            + String.join(" or ", fieldsOnFront(parsedType, noteType, 0))));
            return cards;
        }
        for (int ord = 0; noteType.kind() == NoteKind.STANDARD && ord < noteType.templates().size(); ord++) {
            // A front with a conditional section is meant to be optional; otherwise a missing card is a surprise.
            if (!cards.contains(ord) && !noteType.templates().get(ord).front().contains("{{#")) {
                findings.accept(Finding.warning(note.location(), "missing-card", "no \"" + noteType.templates().get(ord).name()
                        + "\" card: " + String.join(" or ", fieldsOnFront(parsedType, noteType, ord)) + " is empty"));
            }
        }
        return cards;
    }

    /** The note type's fields a template's front uses, in field order. */
    private static List<String> fieldsOnFront(ParsedNoteType parsedType, NoteType noteType, int ord) {
        return noteType.fields().stream().filter(parsedType.front(ord).referencedFields()::contains).toList();
    }

    private static void checkClozeSyntax(Note note, Consumer<Finding> findings) {
        for (int i = 0; i < note.fields().size(); i++) {
            String text = note.fields().get(i);
            for (ClozeProblem problem : Cloze.problems(text)) {
                int line = note.fieldLocation(i).line() + (int) text.substring(0, Math.min(problem.offset(), text.length()))
                        .chars().filter(c -> c == '\n').count();
                findings.accept(Finding.error(new SourceLocation(note.location().file(), line), "cloze",
                        note.noteType().fields().get(i) + ": " + problem.message()));
            }
        }
    }

    /** Reports every group of duplicate terms and GUIDs, each at its first location. */
    public void finish(Consumer<Finding> findings) {
        termLocations.forEach((key, locations) -> {
            if (locations.size() > 1) {
                findings.accept(new Finding(duplicateTermSeverity, locations.get(0), "duplicate-term",
                        "duplicate term \"" + termSpelling.get(key) + "\": " + locations.size() + " notes at "
                                + describe(locations) + "; merge them into one note"));
            }
        });
        guidLocations.forEach((guid, locations) -> {
            if (locations.size() < 2) {
                return;
            }
            if (!explicitGuids.contains(guid)) {
                // Same derived GUID = same term. As an error, the duplicate-term finding says it all.
                if (duplicateTermSeverity == Severity.WARNING) {
                    findings.accept(Finding.error(locations.get(0), "duplicate-guid", "notes at " + describe(locations)
                            + " have the same term and so the same derived guid \"" + guid
                            + "\"; give all but one of them a guid cell of their own"));
                }
                return;
            }
            findings.accept(Finding.error(locations.get(0), "duplicate-guid", "guid \"" + guid + "\" is used by "
                    + locations.size() + " notes at " + describe(locations)
                    + "; Anki would import only one of them: give each note its own guid"));
        });
    }

    private static String describe(List<SourceLocation> locations) {
        List<String> parts = new ArrayList<>();
        String previousFile = null;
        for (SourceLocation location : locations.stream().sorted().toList()) {
            parts.add(location.file().equals(previousFile) ? Integer.toString(location.line()) : location.toString());
            previousFile = location.file();
        }
        return String.join(", ", parts);
    }
}
