package io.github.ankimaven.core.report;

/**
 * How a JUnit XML report names its suite and test cases.
 *
 * @param suiteName the {@code testsuite} name; blank means {@value #DEFAULT_SUITE}
 * @param className every {@code testcase}'s {@code classname}, which CI systems group test cases
 *     by: the deck's name; blank means {@value #DEFAULT_CLASS}
 */
public record JUnitOptions(String suiteName, String className) {

    public static final String DEFAULT_SUITE = "anki:check";
    public static final String DEFAULT_CLASS = "anki";

    public JUnitOptions {
        suiteName = suiteName == null || suiteName.isBlank() ? DEFAULT_SUITE : suiteName.strip();
        className = className == null || className.isBlank() ? DEFAULT_CLASS : className.strip();
    }

    /** Suite {@value #DEFAULT_SUITE}, test cases grouped under the deck's name. */
    public static JUnitOptions forDeck(String deckName) {
        return new JUnitOptions(DEFAULT_SUITE, deckName);
    }
}
