package io.github.ankimaven.core.apkg;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.ankimaven.core.model.CardRequirement;
import io.github.ankimaven.core.model.CardTemplate;
import io.github.ankimaven.core.model.NoteType;
import io.github.ankimaven.core.template.NoteKind;
import io.github.ankimaven.core.template.ParsedNoteType;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The JSON blobs of the {@code col} row ({@code conf}, {@code models}, {@code decks},
 * {@code dconf}) with every key that Anki 2.1.x (legacy) and the modern importer require; see
 * the format spec, section 3. Written with Jackson's streaming generator: the same text as its
 * tree model, without the start-up of an {@code ObjectMapper} (about 0.2 s of CPU in a fresh
 * JVM, a fifth of the plugin's work on a 10,000-note deck).
 */
final class CollectionJson {

    private static final JsonFactory JSON = new JsonFactory();
    static final long DEFAULT_DECK_ID = 1;
    static final long DEFAULT_CONFIG_ID = 1;

    private CollectionJson() {}

    /** What writes one JSON value. */
    @FunctionalInterface
    interface Value {
        void write(JsonGenerator json) throws IOException;
    }

    /** The value as compact JSON text. */
    static String text(Value value) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            value.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    static String conf(DeckLayout layout, long nextPosition) {
        return text(json -> {
            json.writeStartObject();
            json.writeNumberField("nextPos", nextPosition);
            json.writeNumberField("schedVer", 2);
            json.writeNumberField("curDeck", layout.deckId());
            json.writeArrayFieldStart("activeDecks");
            json.writeNumber(layout.deckId());
            json.writeEndArray();
            json.writeNumberField("curModel", layout.noteTypeId());
            json.writeNumberField("newSpread", 0);
            json.writeNumberField("collapseTime", 1200);
            json.writeNumberField("timeLim", 0);
            json.writeBooleanField("estTimes", true);
            json.writeBooleanField("dueCounts", true);
            json.writeStringField("sortType", "noteFld");
            json.writeBooleanField("sortBackwards", false);
            json.writeBooleanField("addToCur", true);
            json.writeEndObject();
        });
    }

    /** Every note type of the deck, each with its {@code mod}. */
    static String models(DeckLayout layout, Map<NoteType, Long> modSeconds) {
        return text(json -> {
            json.writeStartObject();
            for (Map.Entry<NoteType, Long> noteType : modSeconds.entrySet()) {
                json.writeFieldName(Long.toString(layout.noteTypeId(noteType.getKey())));
                model(json, layout, noteType.getKey(), noteType.getValue());
            }
            json.writeEndObject();
        });
    }

    /** A note type's JSON as the previous release would have stored it with that {@code mod}. */
    static String modelJson(DeckLayout layout, NoteType noteType, long modSeconds) {
        return text(json -> model(json, layout, noteType, modSeconds));
    }

    private static void model(JsonGenerator json, DeckLayout layout, NoteType noteType, long modSeconds) throws IOException {
        long id = layout.noteTypeId(noteType);
        json.writeStartObject();
        json.writeNumberField("id", id);
        json.writeStringField("name", noteType.name());
        json.writeNumberField("type", noteType.kind() == NoteKind.CLOZE ? 1 : 0);
        json.writeNumberField("mod", modSeconds);
        json.writeNumberField("usn", -1);
        json.writeNumberField("sortf", noteType.sortFieldIndex());
        json.writeNumberField("did", layout.deckId());
        json.writeArrayFieldStart("tmpls");
        List<CardTemplate> cardTemplates = noteType.templates();
        for (int ord = 0; ord < cardTemplates.size(); ord++) {
            CardTemplate template = cardTemplates.get(ord);
            json.writeStartObject();
            json.writeStringField("name", template.name());
            json.writeNumberField("ord", ord);
            json.writeStringField("qfmt", template.front());
            json.writeStringField("afmt", template.back());
            json.writeStringField("bqfmt", "");
            json.writeStringField("bafmt", "");
            json.writeNullField("did");
            json.writeStringField("bfont", "");
            json.writeNumberField("bsize", 0);
            json.writeNumberField("id", StableIds.templateId(id, template.name()));
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("flds");
        for (int ord = 0; ord < noteType.fields().size(); ord++) {
            String name = noteType.fields().get(ord);
            json.writeStartObject();
            json.writeStringField("name", name);
            json.writeNumberField("ord", ord);
            json.writeBooleanField("sticky", false);
            json.writeBooleanField("rtl", false);
            json.writeStringField("font", "Arial");
            json.writeNumberField("size", 20);
            json.writeStringField("description", "");
            json.writeBooleanField("plainText", false);
            json.writeBooleanField("collapsed", false);
            json.writeBooleanField("excludeFromSearch", false);
            json.writeNumberField("id", StableIds.fieldId(id, name));
            json.writeArrayFieldStart("media");
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeStringField("css", noteType.css());
        json.writeStringField("latexPre", "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n"
                + "\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n");
        json.writeStringField("latexPost", "\\end{document}");
        json.writeBooleanField("latexsvg", false);
        json.writeArrayFieldStart("req");
        for (CardRequirement requirement : ParsedNoteType.of(noteType).legacyRequirements()) {
            json.writeStartArray();
            json.writeNumber(requirement.templateOrdinal());
            json.writeString(requirement.kind().json());
            json.writeStartArray();
            for (int ordinal : requirement.fieldOrdinals()) {
                json.writeNumber(ordinal);
            }
            json.writeEndArray();
            json.writeEndArray();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("tags");
        json.writeEndArray();
        json.writeArrayFieldStart("vers");
        json.writeEndArray();
        json.writeEndObject();
    }

    /** Anki's Default deck, the deck, and every subdeck that holds cards (with the decks between). */
    static String decks(DeckLayout layout, Collection<String> usedDecks) {
        TreeSet<String> names = new TreeSet<>();
        names.add(layout.deckName());
        for (String used : usedDecks) {
            for (int end = used.indexOf("::"); end >= 0; end = used.indexOf("::", end + 2)) {
                names.add(used.substring(0, end));
            }
            names.add(used);
        }
        return text(json -> {
            json.writeStartObject();
            json.writeFieldName(Long.toString(DEFAULT_DECK_ID));
            deck(json, DEFAULT_DECK_ID, "Default", "", 0);
            for (String name : names) {
                long id = layout.deckId(name);
                String description = name.equals(layout.deckName()) ? layout.descriptionHtml() : "";
                json.writeFieldName(Long.toString(id));
                deck(json, id, name, description, layout.buildSeconds());
            }
            json.writeEndObject();
        });
    }

    private static void deck(JsonGenerator json, long id, String name, String description, long mod) throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", id);
        json.writeStringField("name", name);
        json.writeNumberField("mod", mod);
        json.writeNumberField("usn", -1);
        for (String counter : List.of("lrnToday", "revToday", "newToday", "timeToday")) {
            json.writeArrayFieldStart(counter);
            json.writeNumber(0);
            json.writeNumber(0);
            json.writeEndArray();
        }
        json.writeBooleanField("collapsed", false);
        json.writeBooleanField("browserCollapsed", false);
        json.writeStringField("desc", description);
        json.writeNumberField("dyn", 0);
        json.writeNumberField("conf", DEFAULT_CONFIG_ID);
        json.writeNumberField("extendNew", 10);
        json.writeNumberField("extendRev", 50);
        json.writeEndObject();
    }

    static String deckConfigs() {
        return text(json -> {
            json.writeStartObject();
            json.writeFieldName(Long.toString(DEFAULT_CONFIG_ID));
            json.writeStartObject();
            json.writeNumberField("id", DEFAULT_CONFIG_ID);
            json.writeNumberField("mod", 0);
            json.writeStringField("name", "Default");
            json.writeNumberField("usn", 0);
            json.writeNumberField("maxTaken", 60);
            json.writeBooleanField("autoplay", true);
            json.writeNumberField("timer", 0);
            json.writeBooleanField("replayq", true);
            json.writeBooleanField("dyn", false);
            json.writeObjectFieldStart("new");
            json.writeBooleanField("bury", false);
            numbers(json, "delays", 1, 10);
            json.writeNumberField("initialFactor", 2500);
            numbers(json, "ints", 1, 4, 0);
            json.writeNumberField("order", 1);
            json.writeNumberField("perDay", 20);
            json.writeBooleanField("separate", true);
            json.writeEndObject();
            json.writeObjectFieldStart("rev");
            json.writeBooleanField("bury", false);
            json.writeNumberField("ease4", 1.3);
            json.writeNumberField("fuzz", 0.05);
            json.writeNumberField("ivlFct", 1);
            json.writeNumberField("maxIvl", 36500);
            json.writeNumberField("minSpace", 1);
            json.writeNumberField("perDay", 200);
            json.writeNumberField("hardFactor", 1.2);
            json.writeEndObject();
            json.writeObjectFieldStart("lapse");
            numbers(json, "delays", 10);
            json.writeNumberField("leechAction", 1);
            json.writeNumberField("leechFails", 8);
            json.writeNumberField("minInt", 1);
            json.writeNumberField("mult", 0);
            json.writeEndObject();
            json.writeEndObject();
            json.writeEndObject();
        });
    }

    /** The package's {@code media} file: zip entry name ("0", "1", …) → media file name. */
    static String mediaMap(List<String> names) {
        return text(json -> {
            json.writeStartObject();
            for (int i = 0; i < names.size(); i++) {
                json.writeStringField(Integer.toString(i), names.get(i));
            }
            json.writeEndObject();
        });
    }

    private static void numbers(JsonGenerator json, String field, int... values) throws IOException {
        json.writeArrayFieldStart(field);
        for (int value : values) {
            json.writeNumber(value);
        }
        json.writeEndArray();
    }
}
