package io.github.ankimaven.core.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which fields a card template needs to produce a card: Anki's {@code req} entry
 * ({@code [ord, "all"|"any"|"none", [fieldOrds]]}). Anki creates a card when all (or any) of
 * the listed fields are non-empty after trimming.
 */
public record CardRequirement(int templateOrdinal, Kind kind, List<Integer> fieldOrdinals) {

    public enum Kind {
        ALL,
        ANY,
        NONE;

        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Pattern REPLACEMENT = Pattern.compile("\\{\\{([^}]*)}}");
    private static final Set<String> SPECIAL_FIELDS =
            Set.of("FrontSide", "Tags", "Type", "Deck", "Subdeck", "Card", "CardFlag", "CardID");

    public CardRequirement {
        fieldOrdinals = List.copyOf(fieldOrdinals);
    }

    /**
     * The requirement of each template of a note type. For fronts made of plain and filtered
     * replacements this equals Anki's own computation: one referenced field is required
     * ("all"); with several, any one of them suffices ("any").
     */
    public static List<CardRequirement> of(NoteType noteType) {
        List<CardRequirement> requirements = new ArrayList<>();
        for (int ord = 0; ord < noteType.templates().size(); ord++) {
            Set<Integer> referenced = new LinkedHashSet<>();
            Matcher matcher = REPLACEMENT.matcher(noteType.templates().get(ord).front());
            while (matcher.find()) {
                String tag = matcher.group(1).trim();
                if (tag.startsWith("/") || tag.startsWith("!")) {
                    continue;
                }
                if (tag.startsWith("#") || tag.startsWith("^")) {
                    tag = tag.substring(1).trim();
                }
                String fieldName = tag.substring(tag.lastIndexOf(':') + 1).trim();
                int index = noteType.fieldIndex(fieldName);
                if (index >= 0 && !SPECIAL_FIELDS.contains(fieldName)) {
                    referenced.add(index);
                }
            }
            List<Integer> ordinals = referenced.stream().sorted().toList();
            Kind kind = ordinals.isEmpty() ? Kind.NONE : ordinals.size() == 1 ? Kind.ALL : Kind.ANY;
            requirements.add(new CardRequirement(ord, kind, ordinals));
        }
        return requirements;
    }

    /** Whether a note with these field values gets this template's card. */
    public boolean isSatisfiedBy(List<String> fieldValues) {
        return switch (kind) {
            case NONE -> false;
            case ALL -> fieldOrdinals.stream().noneMatch(i -> fieldValues.get(i).isBlank());
            case ANY -> fieldOrdinals.stream().anyMatch(i -> !fieldValues.get(i).isBlank());
        };
    }
}
