package io.github.ankimaven.core.template;

/** Anki's two kinds of note type: one card per template, or one card per cloze number. */
public enum NoteKind {
    STANDARD,
    CLOZE
}
