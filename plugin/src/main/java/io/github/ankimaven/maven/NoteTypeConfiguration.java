package io.github.ankimaven.maven;

import java.io.File;
import java.util.List;

/**
 * A custom note type declared in the POM ({@code <noteTypes><noteType>…</noteType></noteTypes>}):
 * its fields, card templates (front and back from files) and styling.
 */
public class NoteTypeConfiguration {

    /** Its name in Anki; card files and {@code <noteType>} refer to it by this name. */
    String name;

    /** {@code standard} (a card per template, the default) or {@code cloze} (a card per cloze number). */
    String kind;

    /** Its fields, in order; CSV headers map to them by name. */
    List<String> fields;

    /** Its card templates. */
    List<TemplateConfiguration> templates;

    /** A CSS file with its styling; default: Anki's default styling. */
    File css;

    /** The field Anki sorts by, which is also the term for duplicate checks and GUIDs; default the first field. */
    String sortField;

    /** One card template: a name, and the files holding its front and back. */
    public static class TemplateConfiguration {
        String name;
        File front;
        File back;
    }
}
