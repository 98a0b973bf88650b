package io.github.ankimaven.maven;

import io.github.ankimaven.core.DeckBuilder;
import io.github.ankimaven.core.DeckConfigurationException;
import io.github.ankimaven.core.DeckReport;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
        List<ConfiguredDeck> decks = configuredDecks(Instant.EPOCH, "", null);
        List<DeckReport> reports = new ArrayList<>();
        for (ConfiguredDeck deck : decks) {
            reports.add(DeckBuilder.check(deck.request()));
        }
        report(reports);
        for (int i = 0; i < reports.size(); i++) {
            String deckName = decks.size() > 1 ? "\"" + decks.get(i).request().deckName() + "\": " : "";
            getLog().info("Checked " + deckName + FindingsText.summary(reports.get(i)));
        }
    }
}
