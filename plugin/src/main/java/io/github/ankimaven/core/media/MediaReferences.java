package io.github.ankimaven.core.media;

import io.github.ankimaven.core.media.MediaReference.Origin;
import io.github.ankimaven.core.model.SourceLocation;
import io.github.ankimaven.core.text.AnkiText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * Finds the local media files that fields, card templates and styling refer to, the way Anki
 * finds them ({@code rslib/src/text.rs}): {@code [sound:…]} and the src or data attribute of
 * img, audio, video, source and object tags, entity-decoded. Remote ({@code http(s)://},
 * {@code //host}) and {@code data:} URLs are not files.
 */
public final class MediaReferences {

    // Anki's AV_TAGS: audio and video both use [sound:name].
    private static final Pattern SOUND_TAG = Pattern.compile("\\[sound:(.+?)]", Pattern.DOTALL);
    // What Anki's exporter takes for a template's file: a quoted string or unquoted src/data
    // value starting with "_". We also require a dot, so that target="_blank" is no file.
    private static final Pattern UNDERSCORED_NAME =
            Pattern.compile("\"(_[^\"]*\\.[^\"]*)\"|'(_[^']*\\.[^']*)'|\\b(?:src|data)=(_[^ >]*\\.[^ >]*)");
    private static final Pattern CSS_REFERENCE = Pattern.compile(
            "url\\(\\s*(?:\"([^\"]*)\"|'([^']*)'|([^)\"'\\s]*))\\s*\\)|@import\\s+(?:\"([^\"]*)\"|'([^']*)')",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_A_FILE = Pattern.compile("^(?:https?:|data:|//)", Pattern.CASE_INSENSITIVE);

    private MediaReferences() {}

    /** The files a field's HTML (as stored, after formatting) refers to; all at the note's location. */
    public static List<MediaReference> inField(String fieldHtml, SourceLocation location) {
        // indexOf of a char first: a plain loop even for text beyond Latin-1, where contains("[sound:") is a slow search
        if (!hasTagOtherThanLineBreak(fieldHtml) && (fieldHtml.indexOf('[') < 0 || !fieldHtml.contains("[sound:"))) {
            return List.of(); // no media tag, no sound reference: most fields, and no regex to run
        }
        Set<MediaReference> references = new LinkedHashSet<>();
        for (Match match : htmlMediaNames(fieldHtml)) {
            if (isLocalFile(match.value())) {
                references.add(new MediaReference(match.value(), location, Origin.FIELD));
            }
        }
        return List.copyOf(references);
    }

    /** Whether the HTML has a tag other than {@code <br>} (plain text fields have only those). */
    private static boolean hasTagOtherThanLineBreak(String html) {
        for (int tag = html.indexOf('<'); tag >= 0; tag = html.indexOf('<', tag + 1)) {
            if (!html.startsWith("<br>", tag)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The files a card template refers to: media tags as in fields, and {@code _}-prefixed
     * names in quotes (e.g. {@code <script src="_deck.js">}), each at its own line of the
     * template that starts at {@code start}. {@code {{Field}}} replacements are not files.
     */
    public static List<MediaReference> inTemplate(String template, SourceLocation start) {
        List<Match> matches = new ArrayList<>(htmlMediaNames(template));
        matches.addAll(matches(UNDERSCORED_NAME, template));
        return located(template, start, Origin.TEMPLATE,
                matches.stream().filter(m -> isLocalFile(m.value()) && !m.value().contains("{{")).toList());
    }

    /** The files the styling refers to with {@code url(…)} or {@code @import}, each at its own line. */
    public static List<MediaReference> inStyling(String css, SourceLocation start) {
        return located(css, start, Origin.STYLING,
                matches(CSS_REFERENCE, css).stream().filter(m -> isLocalFile(m.value()) && !m.value().startsWith("#")).toList());
    }

    private static List<Match> htmlMediaNames(String html) {
        List<Match> matches = new ArrayList<>();
        for (Match match : matches(AnkiText.MEDIA_TAG, html)) {
            matches.add(new Match(decodeEntities(match.value()), match.start()));
        }
        for (Match match : matches(SOUND_TAG, html)) {
            matches.add(new Match(decodeEntities(match.value()), match.start()));
        }
        return matches;
    }

    /** Like Anki's {@code decode_entities}: only when there is an {@code &}, and no-break spaces become spaces. */
    static String decodeEntities(String name) {
        return name.indexOf('&') < 0 ? name : Parser.unescapeEntities(name, true).replace('\u00a0', ' ');
    }

    static boolean isLocalFile(String name) {
        return !name.isBlank() && !NOT_A_FILE.matcher(name).find();
    }

    private static List<MediaReference> located(String text, SourceLocation start, Origin origin, List<Match> matches) {
        Set<MediaReference> references = new LinkedHashSet<>();
        matches.stream().sorted(Comparator.comparingInt(Match::start)).forEach(match -> {
            int line = start.line() + (int) text.substring(0, match.start()).chars().filter(c -> c == '\n').count();
            references.add(new MediaReference(match.value(), new SourceLocation(start.file(), line), origin));
        });
        return List.copyOf(references);
    }

    /** The first group that took part in each match, and where it starts. */
    private static List<Match> matches(Pattern pattern, String text) {
        List<Match> matches = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            for (int group = 1; group <= matcher.groupCount(); group++) {
                if (matcher.group(group) != null) {
                    matches.add(new Match(matcher.group(group), matcher.start(group)));
                    break;
                }
            }
        }
        return matches;
    }

    private record Match(String value, int start) {}
}
