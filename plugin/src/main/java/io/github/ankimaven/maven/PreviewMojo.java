package io.github.ankimaven.maven;

import io.github.ankimaven.core.DeckConfigurationException;
import java.io.File;
import java.io.IOException;
import java.time.Instant;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes a static preview site of the deck: every card's front and back as Anki renders them,
 * with the note type's styling and the deck's media, counts per deck, subdeck and tag, a search
 * box and filters, and the findings of {@code anki:check} beside the cards they concern. Open
 * {@code <previewDirectory>/index.html} in a browser; it works offline and runs no script of a
 * card. Errors are shown, not fatal. No default phase: run {@code mvn anki:preview}.
 *
 * @since 0.1.0
 */
@Mojo(name = "preview", threadSafe = true)
public class PreviewMojo extends AbstractAnkiMojo {

    /**
     * Where the preview is written: {@code index.html}, its style sheet and script and a
     * {@code media/} folder; with several decks, a sub-directory per deck (its classifier).
     *
     * <p>Default <code>${project.build.directory}/anki-preview</code>; property {@code anki.previewDirectory}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "anki.previewDirectory", defaultValue = "${project.build.directory}/anki-preview", required = true)
    private File previewDirectory;

    @Override
    protected String goal() {
        return "anki:preview";
    }

    @Override
    protected void run() throws IOException, DeckConfigurationException {
        writePreviews(configuredDecks(Instant.EPOCH, "", null), previewDirectory);
    }
}
