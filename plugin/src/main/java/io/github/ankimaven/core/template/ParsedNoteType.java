package io.github.ankimaven.core.template;

import io.github.ankimaven.core.model.CardRequirement;
import io.github.ankimaven.core.model.CardTemplate;
import io.github.ankimaven.core.model.NoteType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * A note type with parsed templates: which cards a note gets and how they look, as in Anki
 * 2.1.66 ({@code rslib/src/notetype/cardgen.rs}, {@code render.rs}, {@code template.rs}).
 */
public final class ParsedNoteType {

    private static final String BLANK_FRONT = "<div>The front of this card is blank.<br>"
            + "<a href='https://anki.tenderapp.com/kb/card-appearance/the-front-of-this-card-is-blank'>More information</a></div>";
    private static final String MISSING_CLOZE = "<div>No cloze \u2068%d\u2069 found on card.\n"
            + "Please either add a cloze deletion, or use the Empty Cards tool.<br>"
            + "<a href='https://anki.tenderapp.com/kb/problems/no-cloze-found-on-card'>More information</a></div>";

    private final NoteKind kind;
    private final String name;
    private final List<String> fieldNames;
    private final List<CardTemplate> templates;
    private final List<Template> fronts;
    private final List<Template> backs;
    private final Map<Long, List<Integer>> ordinalsByNonEmptyFields = new ConcurrentHashMap<>();

    public ParsedNoteType(NoteKind kind, String name, List<String> fieldNames, List<CardTemplate> templates) {
        if (fieldNames.isEmpty() || templates.isEmpty()) {
            throw new IllegalArgumentException("a note type needs at least one field and one template");
        }
        this.kind = kind;
        this.name = name;
        this.fieldNames = List.copyOf(fieldNames);
        this.templates = List.copyOf(templates);
        this.fronts = templates.stream().map(template -> Template.parse(template.front())).toList();
        this.backs = templates.stream().map(template -> Template.parse(template.back())).toList();
    }

    /** The parsed form of one of our note types. */
    public static ParsedNoteType of(NoteType noteType) {
        return new ParsedNoteType(noteType.kind(), noteType.name(), noteType.fields(), noteType.templates());
    }

    public NoteKind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public List<String> fieldNames() {
        return fieldNames;
    }

    public List<CardTemplate> templates() {
        return templates;
    }

    public Template front(int templateOrdinal) {
        return fronts.get(templateOrdinal);
    }

    public Template back(int templateOrdinal) {
        return backs.get(templateOrdinal);
    }

    /**
     * The ordinals of the cards Anki generates for a note with these fields, ascending:
     * templates whose front renders a non-empty field, or for a cloze note type one card per
     * cloze number found in any field (number − 1). May be empty.
     */
    public List<Integer> cardOrdinals(List<String> fieldValues) {
        checkFieldCount(fieldValues);
        if (kind == NoteKind.CLOZE) {
            SortedSet<Integer> ordinals = new TreeSet<>();
            fieldValues.forEach(value -> Cloze.numbers(value).forEach(number -> ordinals.add(Cloze.cardOrdinal(number))));
            return List.copyOf(ordinals);
        }
        if (fieldValues.size() >= Long.SIZE) {
            return standardCardOrdinals(fieldValues);
        }
        // The cards depend only on which fields are empty, so the answer is kept per pattern.
        long nonEmptyMask = 0;
        for (int i = 0; i < fieldValues.size(); i++) {
            if (!Template.isEmptyField(fieldValues.get(i))) {
                nonEmptyMask |= 1L << i;
            }
        }
        return ordinalsByNonEmptyFields.computeIfAbsent(nonEmptyMask, mask -> standardCardOrdinals(fieldValues));
    }

    private List<Integer> standardCardOrdinals(List<String> fieldValues) {
        Set<String> nonEmpty = Template.nonEmptyFields(fieldMap(fieldValues));
        return IntStream.range(0, fronts.size()).filter(ord -> fronts.get(ord).rendersWithFields(nonEmpty)).boxed().toList();
    }

    /** What Anki gives a note when it is added: {@link #cardOrdinals}, or card 0 if that is empty (a note always has a card). */
    public List<Integer> cardOrdinalsForNewNote(List<String> fieldValues) {
        List<Integer> ordinals = cardOrdinals(fieldValues);
        return ordinals.isEmpty() ? List.of(0) : ordinals;
    }

    /**
     * The card as Anki's renderer produces it: field HTML inserted as stored, the type-answer
     * filter left as Anki's {@code [[type:Field]]} marker for the reviewer, Anki's notices for
     * a blank front, a missing cloze or a broken template.
     */
    public RenderedCard render(int cardOrdinal, CardContent content) {
        checkFieldCount(content.fieldValues());
        int templateOrdinal = kind == NoteKind.CLOZE ? 0 : cardOrdinal;
        Map<String, String> fields = fieldMap(content.fieldValues());
        String deck = content.deckName();
        int lastSeparator = deck.lastIndexOf("::");
        fields.putIfAbsent("Tags", String.join(" ", content.tags()));
        fields.putIfAbsent("Type", name);
        fields.putIfAbsent("Subdeck", lastSeparator < 0 ? deck : deck.substring(lastSeparator + 2));
        fields.putIfAbsent("Deck", deck);
        fields.putIfAbsent("CardFlag", "flag" + content.flag());
        fields.putIfAbsent("Card", templates.get(templateOrdinal).name());
        fields.putIfAbsent("c" + (cardOrdinal + 1), "1");

        RenderContext context = RenderContext.question(fields, cardOrdinal);
        Rendering question = fronts.get(templateOrdinal).render(context);
        if (question.failed()) {
            return new RenderedCard(question.html(), question.html(), question.problems(), List.of());
        }
        String blankNotice = blankNotice(templateOrdinal, cardOrdinal, fields);
        if (blankNotice != null) {
            return new RenderedCard(question.html() + blankNotice, blankNotice, question.problems(), List.of());
        }
        Rendering answer = backs.get(templateOrdinal).render(context.answer(question.html()));
        return new RenderedCard(answer.failed() ? answer.html() : question.html(), answer.html(), question.problems(),
                answer.problems());
    }

    /**
     * The card as a learner sees it in Anki's reviewer before typing anything: like
     * {@link #render}, with the type-answer markers replaced by the input box on the question
     * and by the expected answer on the answer.
     */
    public RenderedCard preview(int cardOrdinal, CardContent content) {
        return TypeAnswer.apply(render(cardOrdinal, content), fieldMap(content.fieldValues()), cardOrdinal);
    }

    /**
     * The {@code req} list for legacy clients, computed as Anki 2.1.15 did
     * ({@code _reqForTemplate} in {@code anki/models.py}).
     */
    public List<CardRequirement> legacyRequirements() {
        return LegacyRequirements.of(this);
    }

    private String blankNotice(int templateOrdinal, int cardOrdinal, Map<String, String> fields) {
        if (kind == NoteKind.CLOZE) {
            boolean hasCloze = fields.values().stream().anyMatch(value -> Cloze.numbers(value).contains(cardOrdinal + 1));
            return hasCloze ? null : MISSING_CLOZE.formatted(cardOrdinal + 1);
        }
        return fronts.get(templateOrdinal).rendersWithFields(Template.nonEmptyFields(fields)) ? null : BLANK_FRONT;
    }

    /** Field name to value; a mutable copy, as Anki builds it afresh for every card. */
    Map<String, String> fieldMap(List<String> fieldValues) {
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < fieldNames.size(); i++) {
            fields.put(fieldNames.get(i), fieldValues.get(i));
        }
        return fields;
    }

    private void checkFieldCount(List<String> fieldValues) {
        if (fieldValues.size() != fieldNames.size()) {
            throw new IllegalArgumentException(
                    "note type " + name + " has " + fieldNames.size() + " fields, got " + fieldValues.size() + " values");
        }
    }
}
