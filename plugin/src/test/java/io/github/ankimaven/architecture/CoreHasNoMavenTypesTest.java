package io.github.ankimaven.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The core is plain Java: all logic lives there, and Mojos only translate. */
class CoreHasNoMavenTypesTest {

    @Test
    void noCoreSourceImportsMavenOrPlexus() throws IOException {
        Path core = Path.of("src/main/java/io/github/ankimaven/core");
        assertTrue(Files.isDirectory(core), "run from the plugin module");
        try (Stream<Path> files = Files.walk(core)) {
            List<String> offenders = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    String text = Files.readString(p);
                    return text.contains("org.apache.maven") || text.contains("org.codehaus.plexus");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(Path::toString).toList();
            assertEquals(List.of(), offenders);
        }
    }
}
