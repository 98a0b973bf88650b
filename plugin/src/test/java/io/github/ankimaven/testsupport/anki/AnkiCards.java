package io.github.ankimaven.testsupport.anki;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ankimaven.core.model.CardTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Anki 2.1.66 as an oracle for card generation and rendering: note types and notes are added
 * to a fresh collection through the backend, and cards are rendered by it exactly as the
 * desktop reviewer does (partial rendering completed without add-ons).
 */
public final class AnkiCards implements AutoCloseable {

    // Service / method indices (see AnkiBackend): a Backend*Service lists its own methods first,
    // then the collection service's methods it lacks, at their index plus its own method count.
    private static final int CARDS_SERVICE = 3, GET_CARD = 0;
    private static final int NOTETYPES_SERVICE = 15, ADD_NOTETYPE_LEGACY = 2, GET_STOCK_NOTETYPE_LEGACY = 5,
            GET_NOTETYPE_LEGACY = 7;
    private static final int NOTES_SERVICE = 17, ADD_NOTE = 1, CARDS_OF_NOTE = 11;
    private static final int CARD_RENDERING_SERVICE = 19, RENDER_UNCOMMITTED_CARD_LEGACY = 6;
    private static final int STOCK_BASIC = 0, STOCK_CLOZE = 4;
    private static final int TEMPLATE_ERROR = 3;
    private static final long DEFAULT_DECK = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AnkiBackend anki;

    /** Both sides of a card as Anki shows them. */
    public record Card(String question, String answer) {}

    private AnkiCards(AnkiBackend anki) {
        this.anki = anki;
    }

    /** A new, empty collection in {@code directory}. */
    public static AnkiCards open(Path directory) {
        AnkiBackend anki = AnkiBackend.open();
        anki.openCollection(directory.resolve("collection.anki2"));
        return new AnkiCards(anki);
    }

    /** Adds a note type made from a stock one; returns its id. Anki rejects templates it considers invalid. */
    public long addNoteType(String name, boolean cloze, List<String> fields, List<CardTemplate> templates) {
        ObjectNode noteType = (ObjectNode) readJson(anki.call(NOTETYPES_SERVICE, GET_STOCK_NOTETYPE_LEGACY,
                new Proto.Writer().int64(1, cloze ? STOCK_CLOZE : STOCK_BASIC).toByteArray()));
        noteType.put("id", 0).put("name", name);
        ObjectNode fieldPrototype = (ObjectNode) noteType.get("flds").get(0);
        ArrayNode fieldArray = noteType.putArray("flds");
        for (int i = 0; i < fields.size(); i++) {
            fieldArray.add(fieldPrototype.deepCopy().put("name", fields.get(i)).put("ord", i));
        }
        ObjectNode templatePrototype = (ObjectNode) noteType.get("tmpls").get(0);
        ArrayNode templateArray = noteType.putArray("tmpls");
        for (int i = 0; i < templates.size(); i++) {
            CardTemplate template = templates.get(i);
            templateArray.add(templatePrototype.deepCopy().put("name", template.name()).put("qfmt", template.front())
                    .put("afmt", template.back()).put("ord", i));
        }
        Proto.Reader response = new Proto.Reader(anki.call(NOTETYPES_SERVICE, ADD_NOTETYPE_LEGACY, json(noteType)));
        while (response.next()) {
            if (response.field() == 2) {
                return response.varint();
            }
            response.skip();
        }
        throw new IllegalStateException("AddNotetypeLegacy returned no id");
    }

    /** The note type as Anki stores it in legacy JSON form (e.g. its computed {@code req}). */
    public ObjectNode noteType(long noteTypeId) {
        return (ObjectNode) readJson(anki.call(NOTETYPES_SERVICE, GET_NOTETYPE_LEGACY,
                new Proto.Writer().int64(1, noteTypeId).toByteArray()));
    }

    /** Adds a note to the Default deck; returns the ordinals of the cards Anki generated, ascending. */
    public List<Integer> addNote(long noteTypeId, List<String> fields) {
        byte[] request = new Proto.Writer().message(1, note(noteTypeId, fields, List.of())).int64(2, DEFAULT_DECK).toByteArray();
        long noteId = 0;
        Proto.Reader response = new Proto.Reader(anki.call(NOTES_SERVICE, ADD_NOTE, request));
        while (response.next()) {
            if (response.field() == 2) noteId = response.varint(); else response.skip();
        }
        List<Integer> ordinals = new ArrayList<>();
        for (long cardId : cardsOf(noteId)) {
            Proto.Reader card = new Proto.Reader(anki.call(CARDS_SERVICE, GET_CARD, new Proto.Writer().int64(1, cardId).toByteArray()));
            int ordinal = 0;
            while (card.next()) {
                if (card.field() == 4) ordinal = (int) card.varint(); else card.skip();
            }
            ordinals.add(ordinal);
        }
        ordinals.sort(null);
        return ordinals;
    }

    /**
     * Renders a card of an unsaved note with the given template (valid or not) as Anki's
     * desktop does, the note type supplying kind, name and fields: the backend renders partially,
     * and the rest is completed like {@code anki.template.apply_custom_filters} without add-ons.
     * A broken template gives Anki's error notice on both sides. The card is in no deck
     * ({@code {{Deck}}} is "(Deck)").
     */
    public Card render(long noteTypeId, int cardOrdinal, CardTemplate cardTemplate, List<String> fields, List<String> tags) {
        ObjectNode template = ((ObjectNode) noteType(noteTypeId).get("tmpls").get(0)).deepCopy()
                .put("name", cardTemplate.name()).put("qfmt", cardTemplate.front()).put("afmt", cardTemplate.back());
        byte[] request = new Proto.Writer().message(1, note(noteTypeId, fields, tags)).int64(2, cardOrdinal)
                .bytes(3, jsonBytes(template)).bool(5, true).toByteArray();
        byte[] response;
        try {
            response = anki.call(CARD_RENDERING_SERVICE, RENDER_UNCOMMITTED_CARD_LEGACY, request);
        } catch (AnkiBackendException e) {
            if (e.kind() != TEMPLATE_ERROR) throw e;
            return new Card(e.backendMessage(), e.backendMessage());
        }
        List<byte[]> questionNodes = new ArrayList<>();
        List<byte[]> answerNodes = new ArrayList<>();
        Proto.Reader reader = new Proto.Reader(response);
        while (reader.next()) {
            switch (reader.field()) {
                case 1 -> questionNodes.add(reader.bytes());
                case 2 -> answerNodes.add(reader.bytes());
                default -> reader.skip();
            }
        }
        String question = complete(questionNodes, null);
        return new Card(question, complete(answerNodes, question));
    }

    @Override
    public void close() {
        try {
            anki.closeCollection(false);
        } finally {
            anki.close();
        }
    }

    private static String complete(List<byte[]> nodes, String frontSide) {
        StringBuilder text = new StringBuilder();
        for (byte[] node : nodes) {
            Proto.Reader reader = new Proto.Reader(node);
            while (reader.next()) {
                if (reader.field() == 1) {
                    text.append(reader.string());
                } else if (reader.field() == 2) {
                    String fieldName = "";
                    String currentText = "";
                    Proto.Reader replacement = reader.message();
                    while (replacement.next()) {
                        switch (replacement.field()) {
                            case 1 -> fieldName = replacement.string();
                            case 2 -> currentText = replacement.string();
                            default -> replacement.skip();
                        }
                    }
                    text.append(fieldName.equals("FrontSide") && frontSide != null ? frontSide : currentText);
                } else {
                    reader.skip();
                }
            }
        }
        return text.toString();
    }

    private List<Long> cardsOf(long noteId) {
        List<Long> cardIds = new ArrayList<>();
        Proto.Reader reader = new Proto.Reader(anki.call(NOTES_SERVICE, CARDS_OF_NOTE, new Proto.Writer().int64(1, noteId).toByteArray()));
        while (reader.next()) {
            if (reader.field() == 1) {
                Proto.Reader packed = new Proto.Reader(reader.bytes());
                while (packed.hasMore()) {
                    cardIds.add(packed.rawVarint());
                }
            } else {
                reader.skip();
            }
        }
        return cardIds;
    }

    /** Note{3: notetype_id, 6: tags, 7: fields}; empty fields are written too, to keep their positions. */
    private static Proto.Writer note(long noteTypeId, List<String> fields, List<String> tags) {
        Proto.Writer note = new Proto.Writer().int64(3, noteTypeId);
        tags.forEach(tag -> note.string(6, tag));
        fields.forEach(field -> note.bytes(7, field.getBytes(StandardCharsets.UTF_8)));
        return note;
    }

    /** generic.Json{1: bytes}. */
    private static byte[] json(ObjectNode value) {
        return new Proto.Writer().bytes(1, jsonBytes(value)).toByteArray();
    }

    private static byte[] jsonBytes(ObjectNode value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode readJson(byte[] genericJson) {
        Proto.Reader reader = new Proto.Reader(genericJson);
        while (reader.next()) {
            if (reader.field() == 1) {
                try {
                    return JSON.readTree(reader.bytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            reader.skip();
        }
        throw new IllegalStateException("no JSON in response");
    }
}
