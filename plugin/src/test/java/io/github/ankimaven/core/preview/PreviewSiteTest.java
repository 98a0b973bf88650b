package io.github.ankimaven.core.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ankimaven.core.DeckBuilder;
import io.github.ankimaven.core.DeckReport;
import io.github.ankimaven.core.DeckRequest;
import io.github.ankimaven.core.TestDecks;
import io.github.ankimaven.core.format.FieldFormat;
import io.github.ankimaven.core.model.BuiltInNoteTypes;
import io.github.ankimaven.core.model.CardTemplate;
import io.github.ankimaven.core.model.NoteType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewSiteTest {

    @TempDir
    Path dir;

    private Document preview(DeckRequest request) throws Exception {
        Path site = dir.resolve("target/anki-preview");
        DeckBuilder.preview(request, site);
        assertTrue(Files.isRegularFile(site.resolve("preview.js")));
        assertTrue(Files.isRegularFile(site.resolve("preview.css")));
        return Jsoup.parse(site.resolve("index.html").toFile(), "UTF-8");
    }

    /** The card document a side's frame shows, parsed as the browser parses {@code srcdoc}. */
    private static Document side(Element card, String side) {
        return Jsoup.parse(card.selectFirst("iframe." + side).attr("srcdoc"));
    }

    @Test
    void everyCardIsShownFrontAndBackWithItsSourceTagsAndCounts() throws Exception {
        TestDecks deck = new TestDecks(dir).file("cards.csv", "Term,Definition,tags,deck\n"
                + "Hypervisor,Runs virtual machines,virt::hv,Basics\n"
                + "Container,Shares the kernel,virt,\n");
        Document page = preview(deck.request());
        List<Element> cards = page.select("article.card");
        assertEquals(4, cards.size(), "2 notes x 2 cards");
        Element first = cards.get(0);
        assertEquals("src/main/anki/cards.csv:2", first.selectFirst("a.source").text());
        assertEquals("../../src/main/anki/cards.csv", first.selectFirst("a.source").attr("href"));
        assertEquals("Term → Definition", first.selectFirst(".template").text());
        assertEquals("Test Deck::Basics", first.attr("data-deck"));
        assertEquals("extra virt::hv", first.attr("data-tags"), "the deck's tags and the row's, as Anki stores them");
        assertEquals("Hypervisor", side(first, "front").body().text());
        assertEquals("Hypervisor Runs virtual machines", side(first, "back").body().text());
        assertEquals("card card1", side(first, "front").body().className());
        assertEquals("Runs virtual machines", side(cards.get(1), "front").body().text());
        assertEquals("card card2", side(cards.get(1), "front").body().className());
        assertTrue(side(first, "front").selectFirst("style").data().contains("font-family: arial"), "the note type's styling");
        assertEquals("media/", side(first, "front").selectFirst("base").attr("href"));

        assertEquals(Map.of("Test Deck", "4", "Test Deck::Basics", "2"), counts(page, "deck"));
        assertEquals(Map.of("extra", "4", "virt", "4", "virt::hv", "2"), counts(page, "tag"));
        assertEquals("2 notes · 4 cards · 0 media files · 0 errors · 0 warnings", page.selectFirst(".summary").text());
        assertTrue(page.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content").contains("script-src 'self'"));
        assertEquals(List.of("preview.js"), page.select("script").eachAttr("src"), "the page's only script is its own file");
        assertTrue(page.select("script").stream().allMatch(s -> s.data().isEmpty()), "no inline script");
        page.select("iframe").forEach(frame -> assertEquals("allow-same-origin", frame.attr("sandbox"), "no allow-scripts"));
    }

    private static Map<String, String> counts(Document page, String kind) {
        return page.select("button.filter[data-kind=" + kind + "]").stream().collect(java.util.stream.Collectors.toMap(
                button -> button.attr("data-value"), button -> button.selectFirst(".count").text()));
    }

    @Test
    void aScriptInATextFieldIsTextAndMarkupInAnHtmlFieldStaysInsideTheSandboxedFrame() throws Exception {
        TestDecks deck = new TestDecks(dir).file("cards.csv", "Term,Definition\n"
                + "\"<script>alert(1)</script> & \"\"quotes\"\"\",\"<b onclick=\"\"x()\"\">bold</b>\"\n");
        DeckRequest request = deck.request().withFormats(FieldFormat.TEXT, Map.of("Definition", FieldFormat.HTML));
        Path site = dir.resolve("target/anki-preview");
        DeckBuilder.preview(request, site);
        String html = Files.readString(site.resolve("index.html"), StandardCharsets.UTF_8);
        assertFalse(html.contains("<script>alert"), "never raw in the page");
        assertFalse(html.contains("<b onclick"), "card markup only inside srcdoc, escaped");
        assertTrue(html.contains("srcdoc=\"&lt;!DOCTYPE html&gt;"), "srcdoc is attribute-escaped");
        assertTrue(html.contains("&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;"),
                "the text field's escaped markup is escaped once more for the attribute");
        Document page = Jsoup.parse(html);
        Element card = page.selectFirst("article.card");
        Document front = side(card, "front");
        assertEquals("<script>alert(1)</script> & \"quotes\"", front.body().text(), "shown as text");
        assertTrue(front.select("script").isEmpty());
        assertEquals("x()", side(card, "back").selectFirst("b").attr("onclick"), "HTML fields are HTML, inside the sandbox");
        List<Element> findings = card.select("ul.findings li.error");
        assertFalse(findings.isEmpty(), "the row's error is beside its card");
        assertTrue(findings.get(0).text().startsWith("error src/main/anki/cards.csv:2: "), findings.get(0).text());
        assertEquals("1", card.attr("data-findings"));
    }

    @Test
    void aClozeCardHidesOnlyItsOwnDeletionOnTheFrontAndRevealsItOnTheBack() throws Exception {
        TestDecks deck = new TestDecks(dir).file("cards.csv", "Text,Back Extra\n"
                + "\"A {{c1::hypervisor}} runs {{c2::virtual machines::what}}.\",\n"
                + "no deletion here,\n");
        DeckRequest request = deck.request().withNoteTypes(BuiltInNoteTypes.forKey("cloze", "Test Deck").orElseThrow(), List.of());
        Document page = preview(request);
        List<Element> cards = page.select("article.card");
        assertEquals(2, cards.size());
        assertEquals(List.of("Cloze 1", "Cloze 2"), cards.stream().map(c -> c.selectFirst(".template").text()).toList());
        assertEquals("A [...] runs virtual machines.", side(cards.get(0), "front").body().text());
        assertEquals("A hypervisor runs virtual machines.", side(cards.get(0), "back").body().text());
        assertEquals("A hypervisor runs [what].", side(cards.get(1), "front").body().text());
        Element noCard = page.selectFirst("article.no-card");
        assertTrue(noCard.selectFirst("ul.findings li.error").text().contains("no cloze deletion"), noCard.text());
    }

    @Test
    void mediaAreCopiedAndSoundsGetAPlayerAndDeckFindingsAreListedApart() throws Exception {
        TestDecks deck = new TestDecks(dir).file("cards.csv", "Term,Definition\n"
                + "Ping,[sound:ping.wav] <img src=\"a b.svg\">\n")
                .media("ping.wav", new byte[] {1, 2, 3}).media("a b.svg", "<svg/>".getBytes(StandardCharsets.UTF_8))
                .media("unused.png", new byte[] {1});
        Document page = preview(deck.requestWithMedia().withFormats(FieldFormat.HTML, Map.of()));
        Path media = dir.resolve("target/anki-preview/media");
        assertTrue(Files.isRegularFile(media.resolve("ping.wav")));
        assertTrue(Files.isRegularFile(media.resolve("a b.svg")));
        assertFalse(Files.exists(media.resolve("unused.png")), "only what the package would contain");
        Document back = side(page.select("article.card").get(0), "back");
        assertEquals("ping.wav", back.selectFirst("audio[controls]").attr("src"));
        assertEquals("a b.svg", back.selectFirst("img").attr("src"));
        assertTrue(page.selectFirst("section.deck-findings").text().contains("media file \"unused.png\""));
    }

    @Test
    void anUnknownFieldOrFilterIsAFindingAndTheCardShowsAnkisMessage() throws Exception {
        TestDecks deck = new TestDecks(dir).file("cards.csv", "Term,Definition\nHypervisor,Runs VMs\n");
        NoteType broken = new NoteType("Broken", List.of("Term", "Definition"), List.of(
                new CardTemplate("Odd filter", "{{nosuchfilter:Term}} {{Card}} {{Deck}}", "{{FrontSide}}<hr id=answer>{{Definition}}"),
                new CardTemplate("Unknown field", "{{Term}}", "{{Nope}}")), "", 0);
        Document page = preview(deck.request().withNoteTypes(broken, List.of()));
        List<Element> cards = page.select("article.card");
        assertEquals(2, cards.size());
        assertEquals("Hypervisor Odd filter Test Deck", side(cards.get(0), "front").body().text(), "an unknown filter is ignored");
        String back = side(cards.get(1), "back").body().text().replaceAll("[\u2068\u2069]", "");
        assertTrue(back.contains("Found '{{Nope}}', but there is no field called 'Nope'"), back);
        String deckFindings = page.selectFirst("section.deck-findings").text();
        assertTrue(deckFindings.contains("nosuchfilter") && deckFindings.contains("Nope"), deckFindings);
    }

    @Test
    void escapingCoversEveryCharacterWithAMeaningInTextAndAttributes() {
        assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;",
                PreviewSite.escape("<a href=\"x\" title='y'>&amp;</a>"));
        assertEquals("../../src/main/anki/my%20cards.csv", PreviewSite.relativeHref(Path.of("/p/target/anki-preview"),
                Path.of("/p/src/main/anki/my cards.csv")));
    }
}
