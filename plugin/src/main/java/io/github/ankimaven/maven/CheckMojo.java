package io.github.ankimaven.maven;

import io.github.ankimaven.core.DeckBuilder;
import io.github.ankimaven.core.DeckConfigurationException;
import io.github.ankimaven.core.DeckReport;
import java.io.IOException;
import java.time.Instant;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Reads every card file of the deck and reports every problem (malformed rows, duplicate
 * terms, tags Anki cannot store...) as {@code path:line: message}; fails the build on errors.
 * Writes nothing.
 *
 * @since 0.1.0
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class CheckMojo extends AbstractAnkiMojo {

    @Override
    protected String goal() {
        return "anki:check";
    }

    @Override
    protected void run() throws IOException, DeckConfigurationException, MojoFailureException {
        DeckReport report = DeckBuilder.check(deckRequest(Instant.EPOCH));
        report(report);
        getLog().info("Checked " + FindingsText.summary(report));
    }
}
