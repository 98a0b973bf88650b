package io.github.ankimaven.maven;

import java.io.File;
import java.util.List;
import java.util.Map;

/**
 * One deck of a build that makes several ({@code <decks><deck>…</deck></decks>}). Every value
 * left out falls back to the plugin's parameter of the same name; {@code classifier} tells the
 * decks' packages apart and is required when there is more than one deck.
 */
public class DeckConfiguration {

    /** The deck's name in Anki (required). */
    String name;

    /** The classifier its package is attached with; also the default suffix of its file name. */
    String classifier;

    /** Where its card files are. */
    File sourceDirectory;

    List<String> includes;

    List<String> excludes;

    /** Plain-text description. */
    String description;

    /**
     * A Markdown file with the description; default {@code description.md} in its source directory,
     * if present, else the plugin's {@code descriptionFile} (unless the deck has a {@code description}).
     */
    File descriptionFile;

    /** The format of its fields: {@code text}, {@code markdown} or {@code html}. */
    String format;

    /** Formats of single fields, by field name. */
    Map<String, String> fieldFormats;

    /** Its media directory. */
    File mediaDirectory;

    /** Its note type: a built-in key or the name of one declared in {@code <noteTypes>}. */
    String noteType;

    /** Tags added to every note of this deck (in addition to the plugin's {@code tags}). */
    List<String> tags;

    /** What its GUIDs derive from; default {@code <groupId>:<artifactId>:<classifier>}. */
    String identity;

    /** Its package's file name without {@code .apkg}; default {@code <finalName>-<classifier>}. */
    String finalName;

    /** Its previous release (a path, or coordinates); default: the plugin's, with this deck's classifier. */
    String previousRelease;
}
