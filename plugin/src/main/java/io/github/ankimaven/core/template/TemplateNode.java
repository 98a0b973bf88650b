package io.github.ankimaven.core.template;

import java.util.List;

/** A node of a parsed card template. Offsets are character indexes of the tag in the source. */
public sealed interface TemplateNode {

    /** Literal HTML between tags. */
    record Text(String text) implements TemplateNode {}

    /**
     * {@code {{filterB:filterA:Field}}}.
     *
     * @param filters in the order Anki applies them: right to left as written
     */
    record Replacement(String field, List<String> filters, int offset) implements TemplateNode {
        public Replacement {
            filters = List.copyOf(filters);
        }

        /** The tag as written, e.g. {@code {{text:Front}}}. */
        public String tag() {
            StringBuilder tag = new StringBuilder("{{");
            for (int i = filters.size() - 1; i >= 0; i--) {
                tag.append(filters.get(i)).append(':');
            }
            return tag.append(field).append("}}").toString();
        }
    }

    /** {@code {{#Field}}…{{/Field}}}, or with {@code negated} {@code {{^Field}}…{{/Field}}}. */
    record Section(String field, boolean negated, List<TemplateNode> children, int offset) implements TemplateNode {
        public Section {
            children = List.copyOf(children);
        }

        /** The opening tag as written, e.g. {@code {{#Add Reverse}}}. */
        public String tag() {
            return "{{" + (negated ? "^" : "#") + field + "}}";
        }
    }
}
