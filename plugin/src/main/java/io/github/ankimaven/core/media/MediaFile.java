package io.github.ankimaven.core.media;

import java.nio.file.Path;

/**
 * A file to pack: its name in the package's media map (what notes and templates refer to) and
 * the regular file holding its bytes.
 */
public record MediaFile(String name, Path path) {}
