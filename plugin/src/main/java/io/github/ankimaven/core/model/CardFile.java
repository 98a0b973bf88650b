package io.github.ankimaven.core.model;

import java.nio.file.Path;
import java.util.Locale;

/**
 * A card file of the deck.
 *
 * @param displayPath the path shown in findings: relative to the project's base directory
 */
public record CardFile(Path path, String displayPath) {

    /** {@code .tsv} files are tab-separated; everything else is comma-separated. */
    public char delimiter() {
        return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".tsv") ? '\t' : ',';
    }
}
