package io.github.ankimaven.core.template;

import io.github.ankimaven.core.text.AnkiText;
import java.text.Normalizer;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Anki's reviewer makes of the {@code [[type:Field]]} markers ({@code qt/aqt/reviewer.py},
 * {@code rslib/src/typeanswer.rs}) when nothing has been typed: the question's first marker
 * names the expected answer; the question shows an input box, the answer the expected text.
 */
final class TypeAnswer {

    private static final Pattern MARKER = Pattern.compile("\\[\\[type:(.+?)]]", Pattern.UNIX_LINES);
    private static final Pattern LINE_BREAKS =
            Pattern.compile("(?:\n|<br\\s?/?>|</?div>)+", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern AV_TAGS = Pattern.compile("\\[sound:[^]]*]|\\[anki:tts[^]]*].*?\\[/anki:tts]", Pattern.DOTALL);
    // Anki styles these like the field in the editor; our note types use Anki's default font.
    private static final String FONT = "font-family: 'Arial'; font-size: 20px";
    private static final String INPUT_BOX = "\n<center>\n<input type=text id=typeans onkeypress=\"_typeAnsPress();\"\n   style=\""
            + FONT + ";\">\n</center>\n";
    private static final String ANSWER_SEPARATOR = "<hr id=answer>";

    private TypeAnswer() {}

    /** @param noteFields the note's fields by name (no special fields) */
    static RenderedCard apply(RenderedCard card, Map<String, String> noteFields, int cardOrdinal) {
        Matcher first = MARKER.matcher(card.question());
        if (!first.find()) {
            return card.withSides(card.question(), replaceMarkers(card.answer(), ""));
        }
        String field = first.group(1);
        boolean cloze = field.startsWith("cloze:");
        if (cloze) {
            field = field.split(":", -1)[1];
        }
        String expected = noteFields.get(field);
        if (expected != null && cloze) {
            expected = Cloze.answerForTyping(expected, cardOrdinal + 1);
            expected = expected.isEmpty() ? null : expected;
        }
        if (expected == null || expected.isEmpty()) {
            String warning = expected != null ? "" : cloze ? "Please run Tools>Empty Cards" : "Type answer: unknown field " + field;
            return card.withSides(replaceMarkers(card.question(), warning), replaceMarkers(card.answer(), ""));
        }
        String answer = card.answer();
        boolean hadSeparator = answer.contains(ANSWER_SEPARATOR);
        String comparison = (hadSeparator ? ANSWER_SEPARATOR : "") + "\n<div style=\"" + FONT + "\"><code id=typeans>"
                + HtmlEscape.minimal(plainText(expected)) + "</code></div>";
        return card.withSides(replaceMarkers(card.question(), INPUT_BOX),
                replaceMarkers(answer.replace(ANSWER_SEPARATOR, ""), comparison));
    }

    private static String replaceMarkers(String html, String replacement) {
        return MARKER.matcher(html).replaceAll(Matcher.quoteReplacement(replacement));
    }

    /** The expected answer as Anki compares it: without sound tags, line breaks and HTML. */
    private static String plainText(String html) {
        String withoutBreaks = LINE_BREAKS.matcher(AV_TAGS.matcher(html).replaceAll("")).replaceAll(" ");
        return Normalizer.normalize(RustText.trim(AnkiText.stripHtml(withoutBreaks)), Normalizer.Form.NFC);
    }
}
