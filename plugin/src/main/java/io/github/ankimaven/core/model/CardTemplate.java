package io.github.ankimaven.core.model;

/** One card template of a note type: its name and its front and back (Anki template syntax). */
public record CardTemplate(String name, String front, String back) {}
