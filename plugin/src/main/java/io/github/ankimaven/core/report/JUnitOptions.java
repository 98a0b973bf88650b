package io.github.ankimaven.core.report;

import java.util.Map;

/**
 * How a JUnit XML report names its suite and test cases.
 *
 * @param suiteName the {@code testsuite} name; blank means {@value #DEFAULT_SUITE}
 * @param className the {@code classname} of the test cases, which CI systems group test cases
 *     by: the deck's name; blank means {@value #DEFAULT_CLASS}
 * @param classNameByFile for a report on several decks: each card file's own deck name, which
 *     its test case takes instead of {@code className}
 */
public record JUnitOptions(String suiteName, String className, Map<String, String> classNameByFile) {

    public static final String DEFAULT_SUITE = "anki:check";
    public static final String DEFAULT_CLASS = "anki";

    public JUnitOptions {
        suiteName = suiteName == null || suiteName.isBlank() ? DEFAULT_SUITE : suiteName.strip();
        className = className == null || className.isBlank() ? DEFAULT_CLASS : className.strip();
        classNameByFile = classNameByFile == null ? Map.of() : Map.copyOf(classNameByFile);
    }

    public JUnitOptions(String suiteName, String className) {
        this(suiteName, className, Map.of());
    }

    /** Suite {@value #DEFAULT_SUITE}, test cases grouped under the deck's name. */
    public static JUnitOptions forDeck(String deckName) {
        return new JUnitOptions(DEFAULT_SUITE, deckName);
    }

    /**
     * Suite {@value #DEFAULT_SUITE}, each card file's test case grouped under its deck's name; files
     * of no single deck (a shared template, say) under {@value #DEFAULT_CLASS}.
     */
    public static JUnitOptions forDecks(Map<String, String> deckNameByCardFile) {
        return new JUnitOptions(DEFAULT_SUITE, DEFAULT_CLASS, deckNameByCardFile);
    }

    /** The {@code classname} of the test case of {@code file}. */
    String classNameOf(String file) {
        return classNameByFile.getOrDefault(file, className);
    }
}
