package io.github.ankimaven.core.check;

import io.github.ankimaven.core.model.CardRequirement;
import io.github.ankimaven.core.model.Finding;
import io.github.ankimaven.core.model.Note;
import io.github.ankimaven.core.model.NoteType;
import io.github.ankimaven.core.model.RenderedNote;
import io.github.ankimaven.core.model.Severity;
import io.github.ankimaven.core.model.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The checks that look across notes: duplicate terms (across all card files of the deck),
 * duplicate GUIDs, and notes that would miss a card. Notes are fed one at a time; the
 * cross-note findings are produced by {@link #finish}.
 */
public final class DeckChecker {

    private final NoteType noteType;
    private final Severity duplicateTermSeverity;
    private final List<CardRequirement> requirements;
    private final Map<String, List<SourceLocation>> termLocations = new LinkedHashMap<>();
    private final Map<String, String> termSpelling = new HashMap<>();
    private final Map<String, List<SourceLocation>> guidLocations = new LinkedHashMap<>();
    private final Set<String> explicitGuids = new HashSet<>();

    public DeckChecker(NoteType noteType, Severity duplicateTermSeverity) {
        this.noteType = noteType;
        this.duplicateTermSeverity = duplicateTermSeverity;
        this.requirements = CardRequirement.of(noteType);
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

        List<Integer> cards = new ArrayList<>(requirements.size());
        for (CardRequirement requirement : requirements) {
            if (requirement.isSatisfiedBy(note.fields())) {
                cards.add(requirement.templateOrdinal());
            } else {
                String needed = requirement.fieldOrdinals().stream()
                        .map(i -> noteType.fields().get(i))
                        .collect(Collectors.joining(" or "));
                findings.accept(Finding.warning(note.location(), "missing-card", "no \""
                        + noteType.templates().get(requirement.templateOrdinal()).name() + "\" card: " + needed
                        + " is empty"));
            }
        }
        return cards;
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
