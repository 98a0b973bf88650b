package io.github.ankimaven.core.preview;

import io.github.ankimaven.core.DeckReport;
import io.github.ankimaven.core.DeckRequest;
import io.github.ankimaven.core.media.MediaFile;
import io.github.ankimaven.core.model.Finding;
import io.github.ankimaven.core.model.Note;
import io.github.ankimaven.core.model.NoteType;
import io.github.ankimaven.core.model.RenderedNote;
import io.github.ankimaven.core.template.CardContent;
import io.github.ankimaven.core.template.NoteKind;
import io.github.ankimaven.core.template.ParsedNoteType;
import io.github.ankimaven.core.template.RenderedCard;
import io.github.ankimaven.core.text.AnkiText;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;

/**
 * A static, offline web page of a deck: every card's front and back as Anki renders them (the
 * note type's templates and styling, media from the deck's media directory), counts per deck,
 * subdeck and tag, a search box and deck and tag filters, each card's source {@code path:line}
 * and the findings of its row.
 *
 * <p>Cards are HTML by nature, so each side is the {@code srcdoc} of an {@code <iframe sandbox>}
 * that does not allow scripts: nothing a card contains can run. The page's own script is the
 * separate {@code preview.js}, and a Content-Security-Policy allows scripts only from the site
 * itself and no network access at all (the card documents inherit it).
 *
 * <p>Layout of {@code directory}: {@code index.html}, {@code preview.css}, {@code preview.js}
 * and {@code media/} with the deck's packed media files.
 */
public final class PreviewSite {

    /** No network, no inline script, nothing but the site's own files. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; media-src 'self'; font-src 'self' data:; base-uri 'self'; form-action 'none'";
    /** Added to every card's styling: Anki's reviewer fits images to the card; a hint opens while its link has focus. */
    private static final String CARD_CSS = "img{max-width:100%}a.hint:focus+div.hint{display:block!important}";
    private static final Pattern SOUND = Pattern.compile("\\[sound:([^\\]]+)]");
    private static final List<String> ASSETS = List.of("preview.css", "preview.js");

    private PreviewSite() {}

    /**
     * Writes the site of one deck; returns its {@code index.html}. Replaces the files of an
     * earlier preview in {@code directory} (its {@code media/} folder is rewritten).
     *
     * @param notes every note of the deck in reading order, with its card ordinals
     * @param media the media files the package would contain
     * @param report the deck's check: counts and findings
     */
    public static Path write(DeckRequest request, List<PreviewNote> notes, List<MediaFile> media, DeckReport report,
            Path directory) throws IOException {
        Path mediaDirectory = directory.resolve("media");
        deleteRecursively(mediaDirectory);
        Files.createDirectories(mediaDirectory);
        for (MediaFile file : media) {
            Files.copy(file.path(), mediaDirectory.resolve(file.name()), StandardCopyOption.REPLACE_EXISTING);
        }
        copyAssets(directory);
        Path index = directory.resolve("index.html");
        Files.writeString(index, page(request, notes, report, directory), StandardCharsets.UTF_8);
        return index;
    }

    /** A deck of a multi-deck index: its name, the link to its page and its check. */
    public record DeckLink(String deckName, String href, DeckReport report) {}

    /** Writes an {@code index.html} linking the sites of several decks, which live in sub-directories. */
    public static Path writeIndex(Path directory, List<DeckLink> decks) throws IOException {
        copyAssets(directory);
        StringBuilder html = head("Anki preview");
        html.append("<header><h1>Anki preview</h1></header>\n<main class=\"decks\"><ul>\n");
        for (DeckLink deck : decks) {
            html.append("<li><a href=\"").append(escape(deck.href())).append("\">").append(escape(deck.deckName()))
                    .append("</a> <span class=\"summary\">").append(escape(summary(deck.report()))).append("</span></li>\n");
        }
        html.append("</ul></main>\n</body>\n</html>\n");
        Path index = directory.resolve("index.html");
        Files.writeString(index, html, StandardCharsets.UTF_8);
        return index;
    }

    static String page(DeckRequest request, List<PreviewNote> notes, DeckReport report, Path directory) {
        Map<PreviewNote, List<Finding>> findingsByNote = new HashMap<>();
        List<Finding> unassigned = new ArrayList<>();
        for (Finding finding : report.findings()) {
            notes.stream().filter(note -> contains(note.note().note(), finding)).findFirst().ifPresentOrElse(
                    note -> findingsByNote.computeIfAbsent(note, n -> new ArrayList<>()).add(finding), () -> unassigned.add(finding));
        }
        Map<String, Integer> decks = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, Integer> tags = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<NoteType, ParsedNoteType> parsed = new HashMap<>();
        Map<String, String> sourceHrefs = new HashMap<>();
        request.cardFiles().forEach(file -> sourceHrefs.put(file.displayPath(), relativeHref(directory, file.path())));
        StringBuilder cards = new StringBuilder();
        int cardNumber = 0;
        int withFindings = 0;
        for (PreviewNote preview : notes) {
            RenderedNote rendered = preview.note();
            Note note = rendered.note();
            List<String> noteTags = AnkiText.storedTags(request.tags(), note.tags());
            List<Finding> findings = findingsByNote.getOrDefault(preview, List.of());
            if (preview.cardOrdinals().isEmpty()) {
                cards.append("<article class=\"no-card\"").append(data(note, noteTags, findings, rendered, "")).append(">\n")
                        .append(cardHeader("no card", note, noteTags, sourceHrefs))
                        .append("<p class=\"empty\">This note makes no card.</p>\n").append(findingList(findings))
                        .append("</article>\n");
                withFindings += findings.isEmpty() ? 0 : 1;
                continue;
            }
            ParsedNoteType type = parsed.computeIfAbsent(note.noteType(), ParsedNoteType::of);
            CardContent content = new CardContent(rendered.htmlFields(), noteTags, note.deck(), 0);
            for (int ord : preview.cardOrdinals()) {
                cardNumber++;
                withFindings += findings.isEmpty() ? 0 : 1;
                count(decks, note.deck());
                noteTags.forEach(tag -> count(tags, tag));
                String label = type.kind() == NoteKind.CLOZE ? type.templates().get(0).name() + " " + (ord + 1)
                        : type.templates().get(ord).name();
                RenderedCard card = type.preview(ord, content);
                String css = note.noteType().css();
                cards.append("<article class=\"card\" id=\"card-").append(cardNumber).append('"')
                        .append(data(note, noteTags, findings, rendered, label)).append(">\n")
                        .append(cardHeader(label, note, noteTags, sourceHrefs))
                        .append("<div class=\"sides\">\n")
                        .append(side("Front", label, cardDocument(css, ord, card.question())))
                        .append(side("Back", label, cardDocument(css, ord, card.answer())))
                        .append("</div>\n").append(findingList(findings)).append("</article>\n");
            }
        }
        StringBuilder html = head(request.deckName() + " \u2014 Anki preview");
        html.append("<header class=\"top\">\n<h1>").append(escape(request.deckName())).append("</h1>\n<p class=\"summary\">")
                .append(escape(summary(report))).append("</p>\n<div class=\"controls\">\n")
                .append("<input type=\"search\" id=\"search\" placeholder=\"Search cards\" aria-label=\"Search cards\""
                        + " autocomplete=\"off\">\n")
                .append("<button type=\"button\" class=\"filter\" data-kind=\"problems\" data-value=\"1\" aria-pressed=\"false\">"
                        + "With findings <span class=\"count\">").append(withFindings).append("</span></button>\n")
                .append("<span id=\"shown\" aria-live=\"polite\">").append(cardNumber).append(" of ").append(cardNumber)
                .append(" cards</span>\n</div>\n</header>\n<div class=\"layout\">\n<nav class=\"filters\">\n")
                .append(filterList("Decks", "deck", decks)).append(filterList("Tags", "tag", tags)).append("</nav>\n<main>\n");
        if (!unassigned.isEmpty()) {
            html.append("<section class=\"deck-findings\"><h2>Findings about the deck, its templates and media</h2>\n")
                    .append(findingList(unassigned)).append("</section>\n");
        }
        html.append(cards).append("<p id=\"nothing\" hidden>No card matches.</p>\n</main>\n</div>\n</body>\n</html>\n");
        return html.toString();
    }

    /** Whether a finding is on one of the lines of the note's row. */
    private static boolean contains(Note note, Finding finding) {
        if (!finding.location().file().equals(note.location().file())) {
            return false;
        }
        int last = note.location().line();
        for (int i = 0; i < note.fields().size(); i++) {
            last = Math.max(last, note.fieldLines().get(i) + (int) note.fields().get(i).chars().filter(c -> c == '\n').count());
        }
        return finding.location().line() >= note.location().line() && finding.location().line() <= last;
    }

    /** Counts a deck or tag and each of its parents ({@code ::} separates levels). */
    private static void count(Map<String, Integer> counts, String name) {
        for (int at = name.indexOf("::"); at >= 0; at = name.indexOf("::", at + 2)) {
            counts.merge(name.substring(0, at), 1, Integer::sum);
        }
        counts.merge(name, 1, Integer::sum);
    }

    private static StringBuilder head(String title) {
        return new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(escape(CONTENT_SECURITY_POLICY))
                .append("\">\n<meta name=\"referrer\" content=\"no-referrer\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>").append(escape(title))
                .append("</title>\n<link rel=\"stylesheet\" href=\"preview.css\">\n<script src=\"preview.js\" defer></script>\n")
                .append("</head>\n<body>\n");
    }

    private static String summary(DeckReport report) {
        return plural(report.notes(), "note") + " \u00b7 " + plural(report.cards(), "card") + " \u00b7 "
                + plural(report.mediaFiles(), "media file") + " \u00b7 " + plural(report.errorCount(), "error") + " \u00b7 "
                + plural(report.warningCount(), "warning");
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** The attributes the page's script filters by: deck, tags, finding count and the lower-case searchable text. */
    private static String data(Note note, List<String> tags, List<Finding> findings, RenderedNote rendered, String label) {
        StringBuilder text = new StringBuilder();
        rendered.htmlFields().forEach(field -> text.append(Jsoup.parse(field).text()).append(' '));
        text.append(String.join(" ", tags)).append(' ').append(note.deck()).append(' ').append(label).append(' ')
                .append(note.location());
        return " data-deck=\"" + escape(note.deck()) + "\" data-tags=\"" + escape(String.join(" ", tags)) + "\" data-findings=\""
                + findings.size() + "\" data-text=\"" + escape(text.toString().toLowerCase(Locale.ROOT)) + "\"";
    }

    private static String cardHeader(String label, Note note, List<String> tags, Map<String, String> sourceHrefs) {
        StringBuilder html = new StringBuilder("<header>\n<span class=\"template\">").append(escape(label)).append("</span>\n")
                .append("<a class=\"source\" href=\"").append(escape(sourceHrefs.getOrDefault(note.location().file(), "#"))).append("\">")
                .append(escape(note.location().toString())).append("</a>\n<span class=\"deck\">").append(escape(note.deck()))
                .append("</span>\n");
        tags.forEach(tag -> html.append("<span class=\"tag\">").append(escape(tag)).append("</span>\n"));
        return html.append("</header>\n").toString();
    }

    /** {@code file} relative to the site's directory, each segment percent-encoded. */
    static String relativeHref(Path directory, Path file) {
        Path from = directory.toAbsolutePath().normalize();
        Path to = file.toAbsolutePath().normalize();
        if (from.getRoot() == null || !from.getRoot().equals(to.getRoot())) {
            return to.toUri().toString();
        }
        List<String> segments = new ArrayList<>();
        from.relativize(to).forEach(segment -> segments.add(
                URLEncoder.encode(segment.toString(), StandardCharsets.UTF_8).replace("+", "%20")));
        return String.join("/", segments);
    }

    private static String side(String name, String label, String document) {
        return "<figure class=\"side\"><figcaption>" + name + "</figcaption><iframe sandbox=\"allow-same-origin\" class=\""
                + name.toLowerCase(Locale.ROOT) + "\" title=\"" + name + " of " + escape(label) + "\" srcdoc=\"" + escape(document)
                + "\"></iframe></figure>\n";
    }

    /**
     * One side of a card as the document Anki's reviewer shows: the note type's styling, the
     * card wrapped in {@code <body class="card cardN">}, relative media names resolved in
     * {@code media/}, and {@code [sound:…]} as an audio player.
     */
    static String cardDocument(String css, int cardOrdinal, String html) {
        Matcher sound = SOUND.matcher(html);
        String withPlayers = sound.replaceAll(match -> Matcher.quoteReplacement("<audio controls preload=\"none\" src=\""
                + escape(Parser.unescapeEntities(match.group(1), true)) + "\"></audio>"));
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><base href=\"media/\"><style>" + css + "\n" + CARD_CSS
                + "</style></head><body class=\"card card" + (cardOrdinal + 1) + "\"><div id=\"qa\">" + withPlayers
                + "</div></body></html>";
    }

    private static String filterList(String title, String kind, Map<String, Integer> counts) {
        StringBuilder html = new StringBuilder("<h2>").append(title).append("</h2>\n<ul class=\"").append(kind).append("s\">\n");
        counts.forEach((name, n) -> {
            int depth = name.split("::", -1).length - 1;
            String shortName = name.substring(name.lastIndexOf("::") < 0 ? 0 : name.lastIndexOf("::") + 2);
            html.append("<li style=\"--depth:").append(depth).append("\"><button type=\"button\" class=\"filter\" data-kind=\"")
                    .append(kind).append("\" data-value=\"").append(escape(name)).append("\" title=\"").append(escape(name))
                    .append("\" aria-pressed=\"false\">").append(escape(shortName)).append(" <span class=\"count\">").append(n)
                    .append("</span></button></li>\n");
        });
        return html.append("</ul>\n").toString();
    }

    private static String findingList(List<Finding> findings) {
        if (findings.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<ul class=\"findings\">\n");
        for (Finding finding : findings.stream().sorted(Comparator.naturalOrder()).toList()) {
            String severity = finding.isError() ? "error" : "warning";
            html.append("<li class=\"").append(severity).append("\"><span class=\"severity\">").append(severity)
                    .append("</span> ").append(escape(finding.toString())).append("</li>\n");
        }
        return html.append("</ul>\n").toString();
    }

    /** Escapes text for HTML content and for double- or single-quoted attribute values (including {@code srcdoc}). */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static void copyAssets(Path directory) throws IOException {
        Files.createDirectories(directory);
        for (String asset : ASSETS) {
            try (InputStream in = PreviewSite.class.getResourceAsStream(asset)) {
                if (in == null) {
                    throw new IllegalStateException("the plugin lacks its resource " + asset);
                }
                Files.copy(in, directory.resolve(asset), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
