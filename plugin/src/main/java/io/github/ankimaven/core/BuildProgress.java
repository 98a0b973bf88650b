package io.github.ankimaven.core;

/** Hears how a long build goes, so the build tool can report progress. */
public interface BuildProgress {

    BuildProgress NONE = new BuildProgress() {};

    /** Called every {@link #EVERY} notes with the number of notes read so far. */
    default void notesRead(int notes) {}

    /** Called when a new phase starts ("compressing the package", …). */
    default void phase(String phase) {}

    int EVERY = 10_000;
}
