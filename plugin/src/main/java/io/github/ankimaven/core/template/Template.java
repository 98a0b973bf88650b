package io.github.ankimaven.core.template;

import io.github.ankimaven.core.template.TemplateNode.Replacement;
import io.github.ankimaven.core.template.TemplateNode.Section;
import io.github.ankimaven.core.template.TemplateNode.Text;
import io.github.ankimaven.core.template.TemplateProblem.Kind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A card template (one side) in Anki's template language, parsed and rendered as Anki 2.1.66
 * does ({@code rslib/src/template.rs}): {@code {{Field}}}, {@code {{filter:Field}}},
 * {@code {{#Field}}…{{/Field}}}, {@code {{^Field}}…{{/Field}}}. Field names are case-sensitive.
 * A template Anki cannot parse has no nodes and a {@link #syntaxError()}; it renders as Anki's
 * error notice and produces no card.
 */
public final class Template {

    /** Names Anki provides besides the note's fields ({@code SPECIAL_FIELDS} in {@code rslib/src/notetype/mod.rs}). */
    public static final Set<String> SPECIAL_FIELDS = Set.of("FrontSide", "Card", "CardFlag", "Deck", "Subdeck", "Tags", "Type");

    // Anki's field_is_empty: only ASCII whitespace and empty <br>/<div> tags
    private static final Pattern EMPTY_FIELD =
            Pattern.compile("(?:[\\t\\n\\x0B\\f\\r ]|</?(?:br|div) ?/?>)*", Pattern.CASE_INSENSITIVE);

    private final String source;
    private final List<TemplateNode> nodes;
    private final TemplateError syntaxError;

    Template(String source, List<TemplateNode> nodes, TemplateError syntaxError) {
        this.source = source;
        this.nodes = List.copyOf(nodes);
        this.syntaxError = syntaxError;
    }

    public static Template parse(String source) {
        return TemplateParser.parse(source);
    }

    /** Anki's rule for an empty field: nothing but whitespace and {@code <br>}/{@code <div>} tags. */
    public static boolean isEmptyField(String html) {
        if (!html.isEmpty() && " \t\n\u000b\f\r<".indexOf(html.charAt(0)) < 0) {
            return false; // the pattern cannot match past such a first character
        }
        return EMPTY_FIELD.matcher(html).matches();
    }

    public String source() {
        return source;
    }

    public List<TemplateNode> nodes() {
        return nodes;
    }

    public Optional<TemplateProblem> syntaxError() {
        return Optional.ofNullable(syntaxError).map(TemplateError::problem);
    }

    /**
     * Every name used in a replacement or section, in template order, except the card sections
     * {@code {{#c1}}}; includes special fields and names that may not exist (as Anki's
     * {@code all_referenced_field_names}).
     */
    public Set<String> referencedFields() {
        Set<String> fields = new LinkedHashSet<>();
        visit(nodes, node -> {
            if (node instanceof Replacement replacement) {
                fields.add(replacement.field());
            } else if (node instanceof Section section && !isCardSection(section.field())) {
                fields.add(section.field());
            }
        });
        return fields;
    }

    /** The fields given to the {@code cloze} filter; Anki requires one on both sides of a cloze note type. */
    public Set<String> clozeFields() {
        return replacements().stream().filter(r -> r.filters().contains("cloze"))
                .map(Replacement::field).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Every filter name used, in template order. */
    public Set<String> filters() {
        return replacements().stream().flatMap(r -> r.filters().stream()).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * What keeps Anki from rendering this template for a note type with these fields: the
     * syntax error, or else empty tags, unknown fields and unknown filters in template order.
     */
    public List<TemplateProblem> check(Collection<String> fieldNames) {
        if (syntaxError != null) {
            return List.of(syntaxError.problem());
        }
        Set<String> known = new LinkedHashSet<>(fieldNames);
        known.addAll(SPECIAL_FIELDS);
        known.add(""); // {{filter:}} gives the filter an empty text
        List<TemplateProblem> problems = new ArrayList<>();
        visit(nodes, node -> {
            if (node instanceof Replacement replacement) {
                if (isEmptyTag(replacement) || !known.contains(replacement.field())) {
                    problems.add(noSuchField(replacement).problem());
                }
                replacement.filters().stream().filter(filter -> !Filters.isBuiltIn(filter)).forEach(filter -> problems.add(
                        new TemplateProblem(Kind.UNKNOWN_FILTER, "Unknown filter '" + filter + "' in '" + replacement.tag() + "'",
                                replacement.offset())));
            } else if (node instanceof Section section && !isCardSection(section.field()) && !known.contains(section.field())) {
                problems.add(noSuchField(section).problem());
            }
        });
        return problems;
    }

    /**
     * Whether the template shows anything from a field when exactly these fields are
     * non-empty: Anki's {@code renders_with_fields}, its rule for generating a standard card.
     * Literal text does not count; a template with a syntax error never renders.
     */
    public boolean rendersWithFields(Set<String> nonEmptyFields) {
        return syntaxError == null && rendersWithFields(nodes, nonEmptyFields);
    }

    private static boolean rendersWithFields(List<TemplateNode> nodes, Set<String> nonEmptyFields) {
        for (TemplateNode node : nodes) {
            if (node instanceof Replacement replacement && nonEmptyFields.contains(replacement.field())) {
                return true;
            }
            if (node instanceof Section section && nonEmptyFields.contains(section.field()) != section.negated()
                    && rendersWithFields(section.children(), nonEmptyFields)) {
                return true;
            }
        }
        return false;
    }

    /** Renders one side. Never throws for a bad template: problems are part of the result. */
    public Rendering render(RenderContext context) {
        if (syntaxError != null) {
            return Rendering.failed(syntaxError, context.isQuestion());
        }
        Renderer renderer = new Renderer(context);
        StringBuilder html = new StringBuilder();
        try {
            renderer.render(nodes, html);
        } catch (RenderFailure failure) {
            return Rendering.failed(failure.error, context.isQuestion());
        }
        return new Rendering(html.toString(), renderer.problems);
    }

    /** The names whose values are not {@linkplain #isEmptyField empty}. */
    static Set<String> nonEmptyFields(Map<String, String> fields) {
        return fields.entrySet().stream().filter(field -> !isEmptyField(field.getValue())).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /** {@code {{#c2}}}: valid in any note type, true on the card for cloze 2 / template 2. */
    static boolean isCardSection(String field) {
        if (!field.startsWith("c")) {
            return false;
        }
        try {
            Integer.parseUnsignedInt(field.substring(1)); // like Rust's u32 parsing, accepts a leading '+'
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private List<Replacement> replacements() {
        List<Replacement> replacements = new ArrayList<>();
        visit(nodes, node -> {
            if (node instanceof Replacement replacement) {
                replacements.add(replacement);
            }
        });
        return replacements;
    }

    private static void visit(List<TemplateNode> nodes, Consumer<TemplateNode> visitor) {
        for (TemplateNode node : nodes) {
            visitor.accept(node);
            if (node instanceof Section section) {
                visit(section.children(), visitor);
            }
        }
    }

    /** {@code {{}}} or a lone {@code {{#}}}, {@code {{^}}}, {@code {{/}}}: Anki reads these as a field named "", "#"… */
    private static boolean isEmptyTag(Replacement replacement) {
        return replacement.filters().isEmpty() && Set.of("", "#", "^", "/").contains(replacement.field());
    }

    private static TemplateError noSuchField(Replacement replacement) {
        return TemplateError.noSuchField(isEmptyTag(replacement) ? Kind.EMPTY_TAG : Kind.UNKNOWN_FIELD, replacement.tag(),
                replacement.field(), replacement.offset());
    }

    private static TemplateError noSuchField(Section section) {
        return TemplateError.noSuchField(Kind.UNKNOWN_FIELD, section.tag(), section.field(), section.offset());
    }

    /** Anki's {@code render_into}, completed as the desktop completes unknown filters (by leaving the text alone). */
    private static final class Renderer {
        private final RenderContext context;
        private final Set<String> nonEmptyFields;
        private final List<TemplateProblem> problems = new ArrayList<>();

        Renderer(RenderContext context) {
            this.context = context;
            this.nonEmptyFields = nonEmptyFields(context.fields());
        }

        void render(List<TemplateNode> nodes, StringBuilder out) throws RenderFailure {
            for (TemplateNode node : nodes) {
                if (node instanceof Text text) {
                    out.append(text.text());
                } else if (node instanceof Replacement replacement) {
                    out.append(replace(replacement));
                } else if (node instanceof Section section) {
                    // a hidden section is still rendered, so that its errors count as in Anki
                    render(section.children(), isShown(section) ? out : new StringBuilder());
                }
            }
        }

        private String replace(Replacement replacement) throws RenderFailure {
            if (replacement.field().equals("FrontSide")) {
                return context.frontSide().orElse(""); // filters on FrontSide are ignored, as in Anki
            }
            if (replacement.field().isEmpty() && !replacement.filters().isEmpty()) {
                return ""; // {{filter:}} is for add-on filters that produce their own text
            }
            String value = context.fields().get(replacement.field());
            if (value == null) {
                throw new RenderFailure(noSuchField(replacement));
            }
            return Filters.apply(replacement, value, context, problems);
        }

        private boolean isShown(Section section) throws RenderFailure {
            if (nonEmptyFields.contains(section.field())) {
                return !section.negated();
            }
            if (context.fields().containsKey(section.field()) || isCardSection(section.field())) {
                return section.negated();
            }
            throw new RenderFailure(noSuchField(section));
        }
    }

    private static final class RenderFailure extends Exception {
        private final transient TemplateError error;

        RenderFailure(TemplateError error) {
            super(error.problem().message(), null, false, false);
            this.error = error;
        }
    }
}
