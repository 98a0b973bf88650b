package io.github.ankimaven.core.template;

import io.github.ankimaven.core.template.TemplateNode.Replacement;
import io.github.ankimaven.core.text.AnkiText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Anki 2.1.66's built-in field filters ({@code rslib/src/template_filters.rs}, {@code cloze.rs}). */
final class Filters {

    private static final Set<String> BUILT_IN =
            Set.of("text", "furigana", "kanji", "kana", "type", "type-cloze", "hint", "cloze", "cloze-only", "");
    private static final String TTS_PREFIX = "tts ";
    private static final Pattern FURIGANA = Pattern.compile(" ?([^ >]+?)\\[(.+?)]", Pattern.UNIX_LINES);

    private Filters() {}

    static boolean isBuiltIn(String filter) {
        return BUILT_IN.contains(filter) || filter.startsWith(TTS_PREFIX);
    }

    /**
     * Applies the replacement's filters to the field text. An unknown filter is reported and
     * ends the chain: Anki's desktop and AnkiDroid hand it and every later filter to add-on
     * hooks, which without add-ons return the text unchanged.
     */
    static String apply(Replacement replacement, String text, RenderContext context, List<TemplateProblem> problems) {
        // {{type:cloze:Field}} is one filter to Anki
        List<String> filters = replacement.filters().equals(List.of("cloze", "type")) ? List.of("type-cloze") : replacement.filters();
        String field = replacement.field();
        for (String filter : filters) {
            if (!isBuiltIn(filter)) {
                problems.add(new TemplateProblem(TemplateProblem.Kind.UNKNOWN_FILTER,
                        "Unknown filter '" + filter + "' in '" + replacement.tag() + "'", replacement.offset()));
                return text;
            }
            text = switch (filter) {
                case "text" -> AnkiText.stripHtml(text);
                case "furigana" -> ruby(text, reading -> "<ruby><rb>" + reading.group(1) + "</rb><rt>" + reading.group(2) + "</rt></ruby>");
                case "kanji" -> ruby(text, reading -> reading.group(1));
                case "kana" -> ruby(text, reading -> reading.group(2));
                case "type" -> "[[type:" + field + "]]";
                case "type-cloze" -> "[[type:cloze:" + field + "]]";
                case "hint" -> hint(text, field);
                case "cloze" -> Cloze.render(text, context.cardOrdinal() + 1, context.isQuestion());
                case "cloze-only" -> Cloze.renderOnly(text, context.cardOrdinal() + 1, context.isQuestion());
                case "" -> text;
                default -> "[anki:tts lang=" + filter.substring(TTS_PREFIX.length()) + "]" + text + "[/anki:tts]";
            };
        }
        return text;
    }

    /** {@code 漢字[かんじ]} readings; sound tags such as {@code [sound:x.mp3]} are left alone. */
    private static String ruby(String text, Function<Matcher, String> replacement) {
        Matcher reading = FURIGANA.matcher(text.replace("&nbsp;", " "));
        StringBuilder out = new StringBuilder();
        while (reading.find()) {
            String replaced = reading.group(2).startsWith("sound:") ? reading.group() : replacement.apply(reading);
            reading.appendReplacement(out, Matcher.quoteReplacement(replaced));
        }
        return reading.appendTail(out).toString();
    }

    /**
     * A link that reveals the text. Anki derives the element id from a BLAKE3 hash of text and
     * field name; we use SHA-256, which is as unique and needs no dependency.
     */
    private static String hint(String text, String field) {
        if (RustText.trim(text).isEmpty()) {
            return text;
        }
        String id = "hint" + HexFormat.of().formatHex(sha256(text + field), 0, 8);
        return "\n<a class=hint href=\"#\"\nonclick=\"this.style.display='none';\ndocument.getElementById('" + id
                + "').style.display='block';\nreturn false;\">\n" + field + "</a>\n<div id=\"" + id
                + "\" class=hint style=\"display: none\">" + text + "</div>\n";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }
}
