package io.github.ankimaven.core.check;

import io.github.ankimaven.core.apkg.StableIds;
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
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The checks that look across notes and at the cards they make: duplicate terms (across all
 * card files of the deck), duplicate GUIDs, cloze syntax, and notes that make no card or miss
 * one. Notes are fed one at a time; the cross-note findings are produced by {@link #finish}.
 */
public final class DeckChecker {

    /** What a suspect note really is, learned in the verification pass. */
    private record Identity(String duplicateKey, String spelling, String guid, boolean explicitGuid) {}

    private final Severity duplicateTermSeverity;
    private final Map<NoteType, ParsedNoteType> parsed = new HashMap<>();
    private NoteType lastNoteType;
    private ParsedNoteType lastParsed;
    private final Map<String, Integer> fileIds = new HashMap<>();
    private final List<String> files = new ArrayList<>();
    // One index serves both duplicate checks: a note is filed under its derived GUID, which the
    // term decides (notes sharing a term share it), and under its guid cell when it has another
    // one. Notes sharing a term or a GUID therefore always share a hash; the verification pass
    // tells real duplicates from hash collisions.
    private final LocationIndex guids = new LocationIndex();
    private Set<SourceLocation> suspects;
    private final Map<SourceLocation, Identity> identities = new HashMap<>();

    private final String deckIdentity;
    private StableIds.GuidMaker guidMaker;

    /** @param deckIdentity what GUIDs derive from, with the term (see {@link StableIds#guid}) */
    public DeckChecker(Severity duplicateTermSeverity, String deckIdentity) {
        this.duplicateTermSeverity = duplicateTermSeverity;
        this.deckIdentity = deckIdentity;
    }

    /**
     * Records a note; returns the ordinals of the cards Anki would create for it.
     *
     * @param derivedGuid the GUID derived from the note's term (whether or not it has a guid cell)
     */
    public List<Integer> accept(RenderedNote rendered, String derivedGuid, Consumer<Finding> findings) {
        Note note = rendered.note();
        long location = pack(note.location());
        guids.add(LocationIndex.hash(derivedGuid), location);
        String explicit = note.explicitGuid();
        if (explicit != null && !explicit.equals(derivedGuid)) {
            guids.add(LocationIndex.hash(explicit), location);
        }
        if (rendered.duplicateKey() != rendered.termKey() && !rendered.duplicateKey().equals(rendered.termKey())) {
            // A term with invisible characters: filed too where the same term without them is.
            guidMaker = guidMaker != null ? guidMaker : new StableIds.GuidMaker(deckIdentity);
            guids.add(LocationIndex.hash(guidMaker.guid(rendered.duplicateKey())), location);
        }
        NoteType noteType = note.noteType();
        ParsedNoteType parsedType = parsed(noteType);
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
                List<String> needed = fieldsOnFront(parsedType, noteType, ord);
                // Empty for want of a column: the header's warning says so once for the whole file.
                if (!note.fieldsWithoutColumn().containsAll(needed)) {
                    findings.accept(Finding.warning(note.location(), "missing-card", "no \"" + noteType.templates().get(ord).name()
                            + "\" card: " + String.join(" or ", needed) + " is empty"));
                }
            }
        }
        return cards;
    }

    /** The parsed note type; the last one is kept at hand, as files hold many notes of one type. */
    private ParsedNoteType parsed(NoteType noteType) {
        if (noteType != lastNoteType) {
            lastParsed = parsed.computeIfAbsent(noteType, ParsedNoteType::of);
            lastNoteType = noteType;
        }
        return lastParsed;
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

    /**
     * Whether some notes share a term or GUID hash: then the notes must be read once more and
     * passed to {@link #verify} before {@link #finish}, to tell real duplicates from hash collisions.
     */
    public boolean needsVerification() {
        return !guids.suspects().isEmpty();
    }

    /** Learns the real term and GUID of a note that is a suspect; ignores the others. */
    public void verify(RenderedNote rendered, String derivedGuid) {
        if (suspects == null) {
            suspects = new HashSet<>();
            guids.suspects().values().forEach(group -> group.forEach(packed -> suspects.add(unpack(packed))));
        }
        Note note = rendered.note();
        if (suspects.contains(note.location())) {
            identities.put(note.location(), new Identity(rendered.duplicateKey(), note.term().strip(), note.guid(derivedGuid),
                    note.explicitGuid() != null));
        }
    }

    /**
     * Reports every group of duplicate terms and GUIDs, each at its first location. Every note of
     * such a group is a suspect, so grouping all suspects by term and by GUID finds them all.
     */
    public void finish(Consumer<Finding> findings) {
        for (List<SourceLocation> locations : groupSuspectsBy(Identity::duplicateKey)) {
            if (locations.size() > 1) {
                findings.accept(new Finding(duplicateTermSeverity, locations.get(0), "duplicate-term",
                        "duplicate term \"" + identities.get(locations.get(0)).spelling() + "\": " + locations.size()
                                + " notes at " + describe(locations) + "; merge them into one note"));
            }
        }
        for (List<SourceLocation> locations : groupSuspectsBy(Identity::guid)) {
            if (locations.size() < 2) {
                continue;
            }
            String guid = identities.get(locations.get(0)).guid();
            boolean explicit = locations.stream().anyMatch(l -> identities.get(l).explicitGuid());
            if (!explicit) {
                // Same derived GUID = same term. As an error, the duplicate-term finding says it all.
                if (duplicateTermSeverity == Severity.WARNING) {
                    findings.accept(Finding.error(locations.get(0), "duplicate-guid", "notes at " + describe(locations)
                            + " have the same term and so the same derived guid \"" + guid
                            + "\"; give all but one of them a guid cell of their own"));
                }
                continue;
            }
            findings.accept(Finding.error(locations.get(0), "duplicate-guid", "guid \"" + guid + "\" is used by "
                    + locations.size() + " notes at " + describe(locations)
                    + "; Anki would import only one of them: give each note its own guid"));
        }
    }

    /** All suspects grouped by their real term or GUID, each group in reading order. */
    private Collection<List<SourceLocation>> groupSuspectsBy(Function<Identity, String> key) {
        // Packed locations sort in reading order: files are numbered as they are read.
        long[] packed = guids.suspects().values().stream().flatMap(List::stream).mapToLong(Long::longValue)
                .sorted().distinct().toArray();
        Map<String, List<SourceLocation>> groups = new LinkedHashMap<>();
        for (long location : packed) {
            Identity identity = identities.get(unpack(location));
            if (identity != null) {
                groups.computeIfAbsent(key.apply(identity), k -> new ArrayList<>()).add(unpack(location));
            }
        }
        return groups.values();
    }

    private long pack(SourceLocation location) {
        int file = fileIds.computeIfAbsent(location.file(), name -> {
            files.add(name);
            return files.size() - 1;
        });
        return ((long) file << 32) | (location.line() & 0xffffffffL);
    }

    private SourceLocation unpack(long packed) {
        return new SourceLocation(files.get((int) (packed >>> 32)), (int) packed);
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
