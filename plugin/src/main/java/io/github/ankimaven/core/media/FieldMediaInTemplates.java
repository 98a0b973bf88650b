package io.github.ankimaven.core.media;

import io.github.ankimaven.core.format.FieldFormat;
import io.github.ankimaven.core.media.MediaReference.Origin;
import io.github.ankimaven.core.model.CardTemplate;
import io.github.ankimaven.core.model.Finding;
import io.github.ankimaven.core.model.Note;
import io.github.ankimaven.core.model.NoteType;
import io.github.ankimaven.core.template.NoteKind;
import io.github.ankimaven.core.template.ParsedNoteType;
import io.github.ankimaven.core.template.Template;
import io.github.ankimaven.core.text.AnkiText;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Media file names that a note type's templates make out of fields, as in
 * {@code <img src="{{Image}}">} or {@code [sound:{{Audio}}]}. Cards show them, but Anki's
 * importer copies only the files that fields themselves refer to, so a learner never gets such
 * a file: each note that shows a local file this way is an error at its field. Tags in a
 * section that hides them for the note, or on a card the note does not make, show nothing.
 */
public final class FieldMediaInTemplates {

    private static final Pattern SOUND_TAG = Pattern.compile("\\[sound:(.+?)]", Pattern.DOTALL);
    private static final Pattern REPLACEMENT = Pattern.compile("\\{\\{([^{}]*)}}");
    private static final Pattern SECTION = Pattern.compile("\\{\\{\\s*([#^/])\\s*([^{}]*?)\\s*}}");
    private static final FieldMediaInTemplates NONE = new FieldMediaInTemplates(null, List.of());

    /**
     * One media name made of fields.
     *
     * @param name the name as the template writes it, e.g. {@code {{Image}}} or {@code {{Word}}.mp3}
     * @param written the tag around it, e.g. {@code <img src="{{Image}}">}
     * @param tag {@code sound} for {@code [sound:…]}, else the HTML tag's name in lower case
     * @param side where, e.g. {@code the front of "Card 1"}
     * @param templateOrdinal the template, whose card a note may not make
     * @param fields the indexes of the fields in {@code name}, in its order
     * @param guards the sections around the tag, which may hide it
     */
    private record Use(String name, String written, String tag, String side, int templateOrdinal, List<Integer> fields,
            List<Guard> guards) {}

    /** A {@code {{#Field}}} (shown when the field is filled) or {@code {{^Field}}} section around a use. */
    private record Guard(int field, boolean shownWhenFilled) {}

    private final ParsedNoteType parsed;
    private final List<Use> uses;

    private FieldMediaInTemplates(ParsedNoteType parsed, List<Use> uses) {
        this.parsed = parsed;
        this.uses = uses;
    }

    /** The uses in the note type's templates (most note types have none). */
    public static FieldMediaInTemplates of(NoteType noteType) {
        List<Use> uses = new ArrayList<>();
        for (int ordinal = 0; ordinal < noteType.templates().size(); ordinal++) {
            CardTemplate template = noteType.templates().get(ordinal);
            addUses(noteType, ordinal, template.front(), "the front of \"" + template.name() + "\"", uses);
            addUses(noteType, ordinal, template.back(), "the back of \"" + template.name() + "\"", uses);
        }
        return uses.isEmpty() ? NONE : new FieldMediaInTemplates(ParsedNoteType.of(noteType), List.copyOf(uses));
    }

    private static void addUses(NoteType noteType, int ordinal, String template, String side, List<Use> uses) {
        for (Pattern tag : List.of(AnkiText.MEDIA_TAG, SOUND_TAG)) {
            Matcher matcher = tag.matcher(template);
            while (matcher.find()) {
                String name = firstGroup(matcher);
                List<Integer> fields = fieldsIn(name, noteType);
                if (fields != null && !fields.isEmpty()) {
                    String written = matcher.group();
                    String tagName = tag == SOUND_TAG ? "sound"
                            : written.substring(1).split("[\\s/>]", 2)[0].toLowerCase(Locale.ROOT);
                    uses.add(new Use(name, written, tagName, side, ordinal, fields, guards(template, matcher.start(), noteType)));
                }
            }
        }
    }

    private static String firstGroup(Matcher matcher) {
        for (int group = 1; group <= matcher.groupCount(); group++) {
            if (matcher.group(group) != null) {
                return matcher.group(group);
            }
        }
        return "";
    }

    /**
     * The note type's fields that the {@code {{…}}} replacements in {@code name} show (filters such
     * as {@code text:} allowed), or null when one of them is no field of the note (a section, a
     * special field such as {@code {{Deck}}}): such a name cannot be worked out before Anki shows the card.
     */
    private static List<Integer> fieldsIn(String name, NoteType noteType) {
        List<Integer> fields = new ArrayList<>();
        Matcher matcher = REPLACEMENT.matcher(name);
        while (matcher.find()) {
            int index = fieldIndex(matcher.group(1), noteType);
            if (index < 0) {
                return null;
            }
            fields.add(index);
        }
        return fields;
    }

    /** The field a replacement shows, or -1 for a section tag, a special field or an unknown one. */
    private static int fieldIndex(String replacement, NoteType noteType) {
        String reference = replacement.strip();
        if (reference.startsWith("#") || reference.startsWith("^") || reference.startsWith("/")) {
            return -1;
        }
        return noteType.fields().indexOf(reference.substring(reference.lastIndexOf(':') + 1).strip());
    }

    /** The sections still open at {@code offset} of the template whose fields are the note's. */
    private static List<Guard> guards(String template, int offset, NoteType noteType) {
        Deque<String[]> open = new ArrayDeque<>();
        Matcher matcher = SECTION.matcher(template).region(0, offset);
        while (matcher.find()) {
            if (matcher.group(1).equals("/")) {
                open.removeIf(section -> section[1].equals(matcher.group(2)));
            } else {
                open.push(new String[] {matcher.group(1), matcher.group(2)});
            }
        }
        List<Guard> guards = new ArrayList<>();
        for (String[] section : open) {
            int field = noteType.fields().indexOf(section[1]);
            if (field >= 0) {
                guards.add(new Guard(field, section[0].equals("#")));
            }
        }
        return guards;
    }

    /** Whether learners see the use on this note's cards: its card is made, and its sections show it. */
    private boolean isShown(Use use, List<String> storedFields) {
        for (Guard guard : use.guards()) {
            if (Template.isEmptyField(storedFields.get(guard.field())) == guard.shownWhenFilled()) {
                return false;
            }
        }
        return parsed.kind() == NoteKind.CLOZE || parsed.cardOrdinals(storedFields).contains(use.templateOrdinal());
    }

    /**
     * Reports each local file that the templates would show for this note (its fields as stored),
     * once per note, at the field that names it, unless its name starts with {@code _} (Anki
     * imports those anyway); and hands each file on as a reference of the note's, so that it is
     * checked like one and not also reported as unused.
     */
    public void check(Note note, List<String> storedFields, FieldFormat[] formats, Consumer<Finding> findings,
            Consumer<MediaReference> references) {
        if (uses.isEmpty()) {
            return;
        }
        Set<String> reported = new HashSet<>();
        for (Use use : uses) {
            if (use.fields().stream().anyMatch(field -> storedFields.get(field).isBlank()) || !isShown(use, storedFields)) {
                continue; // an empty field names no file; a hidden tag shows none
            }
            String file = fileName(use, note, storedFields);
            if (file.isEmpty() || !MediaReferences.isLocalFile(file) || file.contains("<") || !reported.add(file)) {
                continue;
            }
            references.accept(new MediaReference(file, note.location(), Origin.FIELD));
            if (MediaNames.isStatic(file)) {
                continue; // Anki imports "_" files whatever names them
            }
            int field = use.fields().get(0);
            String fieldName = note.noteType().fields().get(field);
            findings.accept(Finding.error(note.fieldLocation(field), "template-media", fieldName + ": " + use.side()
                    + " shows \"" + file + "\" with " + use.written() + ", but Anki imports only the media files that fields"
                    + " themselves refer to, so learners would never get it: " + inTheField(use.tag(), file, formats[field])
                    + ", and {{" + fieldName + "}} instead of " + use.written() + " into the template"));
        }
    }

    /** How the field itself refers to the file, in its format. */
    private static String inTheField(String tag, String file, FieldFormat format) {
        return switch (tag) {
            case "img" -> switch (format) {
                case HTML -> "write <img src=\"" + file + "\"> into the field";
                case MARKDOWN -> "write ![](" + file + ") into the field";
                case TEXT -> "make the field HTML or Markdown (<fieldFormats>) and write <img src=\"" + file + "\"> or ![]("
                        + file + ") into it";
            };
            case "object" -> format == FieldFormat.HTML ? "write <object data=\"" + file + "\"></object> into the field"
                    : "make the field HTML (<fieldFormats>) and write <object data=\"" + file + "\"></object> into it";
            default -> "write [sound:" + file + "] into the field"; // audio and video: Anki plays both from [sound:]
        };
    }

    /** The file name the template makes for this note: each replacement by its field, entity-decoded as a browser would. */
    private static String fileName(Use use, Note note, List<String> storedFields) {
        Matcher matcher = REPLACEMENT.matcher(use.name());
        StringBuilder name = new StringBuilder();
        while (matcher.find()) {
            int index = fieldIndex(matcher.group(1), note.noteType());
            matcher.appendReplacement(name, Matcher.quoteReplacement(index >= 0 ? storedFields.get(index) : ""));
        }
        matcher.appendTail(name);
        return MediaReferences.decodeEntities(name.toString().strip());
    }
}
