package io.github.ankimaven.core.template;

/**
 * A problem in a card template. Messages are Anki's own English wording where Anki has one.
 *
 * @param offset the character index in the template source where the offending tag starts
 */
public record TemplateProblem(Kind kind, String message, int offset) {

    public enum Kind {
        MISSING_CLOSING_BRACES(true),
        SECTION_NOT_CLOSED(true),
        SECTION_NOT_OPEN(true),
        UNKNOWN_FIELD(true),
        /** <code>{{}}</code> or a lone <code>{{#}}</code>: Anki reads a field named "" or "#", which does not exist. */
        EMPTY_TAG(true),
        UNKNOWN_FILTER(false);

        private final boolean breaksRendering;

        Kind(boolean breaksRendering) {
            this.breaksRendering = breaksRendering;
        }

        /** Whether Anki shows an error instead of the card (an unknown filter is merely ignored). */
        public boolean breaksRendering() {
            return breaksRendering;
        }
    }
}
