package io.github.ankimaven.core.apkg;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ankimaven.core.model.CardRequirement;
import io.github.ankimaven.core.model.CardTemplate;
import io.github.ankimaven.core.model.NoteType;
import io.github.ankimaven.core.template.NoteKind;
import io.github.ankimaven.core.template.ParsedNoteType;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The JSON blobs of the {@code col} row ({@code conf}, {@code models}, {@code decks},
 * {@code dconf}) with every key that Anki 2.1.x (legacy) and the modern importer require; see
 * the format spec, section 3.
 */
final class CollectionJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final long DEFAULT_DECK_ID = 1;
    static final long DEFAULT_CONFIG_ID = 1;

    private CollectionJson() {}

    static String conf(DeckLayout layout, long nextPosition) {
        ObjectNode conf = JSON.createObjectNode();
        conf.put("nextPos", nextPosition);
        conf.put("schedVer", 2);
        conf.put("curDeck", layout.deckId());
        conf.putArray("activeDecks").add(layout.deckId());
        conf.put("curModel", layout.noteTypeId());
        conf.put("newSpread", 0);
        conf.put("collapseTime", 1200);
        conf.put("timeLim", 0);
        conf.put("estTimes", true);
        conf.put("dueCounts", true);
        conf.put("sortType", "noteFld");
        conf.put("sortBackwards", false);
        conf.put("addToCur", true);
        return conf.toString();
    }

    /** Every note type of the deck, each with its {@code mod}. */
    static String models(DeckLayout layout, Map<NoteType, Long> modSeconds) {
        ObjectNode models = JSON.createObjectNode();
        modSeconds.forEach((noteType, mod) -> models.set(Long.toString(layout.noteTypeId(noteType)), model(layout, noteType, mod)));
        return models.toString();
    }

    /** A note type's JSON as the previous release would have stored it with that {@code mod}. */
    static String modelJson(DeckLayout layout, NoteType noteType, long modSeconds) {
        return model(layout, noteType, modSeconds).toString();
    }

    private static ObjectNode model(DeckLayout layout, NoteType noteType, long modSeconds) {
        long id = layout.noteTypeId(noteType);
        ObjectNode model = JSON.createObjectNode();
        model.put("id", id);
        model.put("name", noteType.name());
        model.put("type", noteType.kind() == NoteKind.CLOZE ? 1 : 0);
        model.put("mod", modSeconds);
        model.put("usn", -1);
        model.put("sortf", noteType.sortFieldIndex());
        model.put("did", layout.deckId());
        ArrayNode templates = model.putArray("tmpls");
        List<CardTemplate> cardTemplates = noteType.templates();
        for (int ord = 0; ord < cardTemplates.size(); ord++) {
            CardTemplate template = cardTemplates.get(ord);
            ObjectNode t = templates.addObject();
            t.put("name", template.name());
            t.put("ord", ord);
            t.put("qfmt", template.front());
            t.put("afmt", template.back());
            t.put("bqfmt", "");
            t.put("bafmt", "");
            t.putNull("did");
            t.put("bfont", "");
            t.put("bsize", 0);
            t.put("id", StableIds.templateId(id, template.name()));
        }
        ArrayNode fields = model.putArray("flds");
        for (int ord = 0; ord < noteType.fields().size(); ord++) {
            String name = noteType.fields().get(ord);
            ObjectNode f = fields.addObject();
            f.put("name", name);
            f.put("ord", ord);
            f.put("sticky", false);
            f.put("rtl", false);
            f.put("font", "Arial");
            f.put("size", 20);
            f.put("description", "");
            f.put("plainText", false);
            f.put("collapsed", false);
            f.put("excludeFromSearch", false);
            f.put("id", StableIds.fieldId(id, name));
            f.putArray("media");
        }
        model.put("css", noteType.css());
        model.put("latexPre", "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n"
                + "\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n");
        model.put("latexPost", "\\end{document}");
        model.put("latexsvg", false);
        ArrayNode req = model.putArray("req");
        for (CardRequirement requirement : ParsedNoteType.of(noteType).legacyRequirements()) {
            ArrayNode entry = req.addArray();
            entry.add(requirement.templateOrdinal());
            entry.add(requirement.kind().json());
            ArrayNode ords = entry.addArray();
            requirement.fieldOrdinals().forEach(ords::add);
        }
        model.putArray("tags");
        model.putArray("vers");
        return model;
    }

    /** Anki's Default deck, the deck, and every subdeck that holds cards (with the decks between). */
    static String decks(DeckLayout layout, Collection<String> usedDecks) {
        ObjectNode decks = JSON.createObjectNode();
        decks.set(Long.toString(DEFAULT_DECK_ID), deck(DEFAULT_DECK_ID, "Default", "", 0));
        TreeSet<String> names = new TreeSet<>();
        names.add(layout.deckName());
        for (String used : usedDecks) {
            for (int end = used.indexOf("::"); end >= 0; end = used.indexOf("::", end + 2)) {
                names.add(used.substring(0, end));
            }
            names.add(used);
        }
        for (String name : names) {
            long id = layout.deckId(name);
            String description = name.equals(layout.deckName()) ? layout.descriptionHtml() : "";
            decks.set(Long.toString(id), deck(id, name, description, layout.buildSeconds()));
        }
        return decks.toString();
    }

    private static ObjectNode deck(long id, String name, String description, long mod) {
        ObjectNode deck = JSON.createObjectNode();
        deck.put("id", id);
        deck.put("name", name);
        deck.put("mod", mod);
        deck.put("usn", -1);
        for (String counter : List.of("lrnToday", "revToday", "newToday", "timeToday")) {
            deck.putArray(counter).add(0).add(0);
        }
        deck.put("collapsed", false);
        deck.put("browserCollapsed", false);
        deck.put("desc", description);
        deck.put("dyn", 0);
        deck.put("conf", DEFAULT_CONFIG_ID);
        deck.put("extendNew", 10);
        deck.put("extendRev", 50);
        return deck;
    }

    static String deckConfigs() {
        ObjectNode config = JSON.createObjectNode();
        config.put("id", DEFAULT_CONFIG_ID);
        config.put("mod", 0);
        config.put("name", "Default");
        config.put("usn", 0);
        config.put("maxTaken", 60);
        config.put("autoplay", true);
        config.put("timer", 0);
        config.put("replayq", true);
        config.put("dyn", false);
        ObjectNode newCards = config.putObject("new");
        newCards.put("bury", false);
        newCards.putArray("delays").add(1).add(10);
        newCards.put("initialFactor", 2500);
        newCards.putArray("ints").add(1).add(4).add(0);
        newCards.put("order", 1);
        newCards.put("perDay", 20);
        newCards.put("separate", true);
        ObjectNode reviews = config.putObject("rev");
        reviews.put("bury", false);
        reviews.put("ease4", 1.3);
        reviews.put("fuzz", 0.05);
        reviews.put("ivlFct", 1);
        reviews.put("maxIvl", 36500);
        reviews.put("minSpace", 1);
        reviews.put("perDay", 200);
        reviews.put("hardFactor", 1.2);
        ObjectNode lapses = config.putObject("lapse");
        lapses.putArray("delays").add(10);
        lapses.put("leechAction", 1);
        lapses.put("leechFails", 8);
        lapses.put("minInt", 1);
        lapses.put("mult", 0);
        ObjectNode configs = JSON.createObjectNode();
        configs.set(Long.toString(DEFAULT_CONFIG_ID), config);
        return configs.toString();
    }
}
