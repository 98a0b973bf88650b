package io.github.ankimaven.core.template;

import io.github.ankimaven.core.text.AnkiText;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cloze deletions in field text, parsed as Anki 2.1.66 does ({@code rslib/src/cloze.rs}):
 * <code>{{c1::answer}}</code>, <code>{{c2::answer::hint}}</code>, nested deletions such as
 * <code>{{c1::a {{c2::b}}}}</code>. A <code>}}</code> outside any deletion is text; a deletion
 * that is never closed is dropped with everything after it.
 */
public final class Cloze {

    /** Anki gives a cloze note at most 500 cards: {@code c500} is the last that can be asked. */
    public static final int HIGHEST_NUMBER = 500;

    private static final Pattern CLOZE_LOOKALIKE = Pattern.compile("\\{\\{[cC]\\d*:");
    private static final Pattern MATHJAX = Pattern.compile("(\\\\[(\\[])(.*?)(\\\\[)\\]])",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    private Cloze() {}

    private sealed interface Part {}

    private record Plain(String text) implements Part {}

    /** @param hint {@code null} when the deletion has none */
    private record Deletion(int number, List<Part> content, String hint) implements Part {

        String answer() {
            StringBuilder answer = new StringBuilder();
            for (Part part : content) {
                answer.append(part instanceof Deletion inner ? inner.answer() : ((Plain) part).text());
            }
            return answer.toString();
        }

        String hintOrEllipsis() {
            return hint == null ? "..." : hint;
        }
    }

    /** A deletion whose closing braces have not been reached yet. */
    private static final class OpenDeletion {
        final int number;
        final int offset;
        final List<Part> content = new ArrayList<>();
        String hint;

        OpenDeletion(int number, int offset) {
            this.number = number;
            this.offset = offset;
        }

        void addText(String text) {
            int separator = text.indexOf("::");
            if (separator >= 0) {
                hint = text.substring(separator + 2);
                text = text.substring(0, separator);
            }
            content.add(new Plain(text));
        }
    }

    private record Parsed(List<Part> parts, List<ClozeProblem> problems) {}

    /** The distinct cloze numbers in the text, nested ones included (Anki's {@code cloze_numbers_in_string}). */
    public static SortedSet<Integer> numbers(String text) {
        SortedSet<Integer> numbers = new TreeSet<>();
        addNumbers(parse(text).parts(), numbers);
        return numbers;
    }

    /** The card ordinal Anki gives cloze number {@code number}: {@code number − 1}, within 0 to 499. */
    public static int cardOrdinal(int number) {
        return Math.min(Math.max(number - 1, 0), HIGHEST_NUMBER - 1);
    }

    /** Cloze markup that Anki would not turn into the intended card, in text order. */
    public static List<ClozeProblem> problems(String text) {
        return parse(text).problems();
    }

    /** The text with the cloze markup removed, answers kept and hints dropped (for sorting and duplicate checks). */
    public static String withoutMarkup(String text) {
        StringBuilder out = new StringBuilder();
        for (Part part : parse(text).parts()) {
            out.append(part instanceof Deletion deletion ? deletion.answer() : ((Plain) part).text());
        }
        return out.toString();
    }

    /**
     * The {@code cloze} filter: deletion {@code number} as {@code [...]} or {@code [hint]} on the
     * question, revealed on the answer, the others as plain (marked-up) text; empty when the
     * text has no deletion {@code number}.
     */
    public static String render(String text, int number, boolean question) {
        StringBuilder out = new StringBuilder();
        boolean found = false;
        for (Part part : parse(text).parts()) {
            if (part instanceof Deletion deletion) {
                found |= reveal(deletion, number, question, out);
            } else {
                out.append(((Plain) part).text());
            }
        }
        return found ? stripHtmlInsideMathJax(out.toString()) : "";
    }

    /** The {@code cloze-only} filter: just the hints (question) or answers (answer) of deletion {@code number}, comma-separated. */
    public static String renderOnly(String text, int number, boolean question) {
        return String.join(", ", texts(text, number, question));
    }

    /** The answer Anki expects when typing deletion {@code number}: identical answers once, else comma-separated. */
    public static String answerForTyping(String text, int number) {
        List<String> answers = texts(text, number, false);
        return answers.stream().distinct().count() == 1 ? answers.get(0) : String.join(", ", answers);
    }

    private static List<String> texts(String text, int number, boolean question) {
        List<String> texts = new ArrayList<>();
        parse(text).parts().forEach(part -> collectTexts(part, number, question, texts));
        return texts;
    }

    private static void collectTexts(Part part, int number, boolean question, List<String> texts) {
        if (part instanceof Deletion deletion) {
            if (deletion.number() == number) {
                texts.add(question ? deletion.hintOrEllipsis() : deletion.answer());
            }
            deletion.content().forEach(inner -> collectTexts(inner, number, question, texts));
        }
    }

    private static void addNumbers(List<Part> parts, SortedSet<Integer> numbers) {
        for (Part part : parts) {
            if (part instanceof Deletion deletion) {
                numbers.add(deletion.number());
                addNumbers(deletion.content(), numbers);
            }
        }
    }

    /** Appends the deletion as Anki shows it; returns whether deletion {@code number} was among it. */
    private static boolean reveal(Deletion deletion, int number, boolean question, StringBuilder out) {
        boolean active = deletion.number() == number;
        StringBuilder content = new StringBuilder();
        boolean found = active;
        for (Part part : deletion.content()) {
            if (part instanceof Deletion inner) {
                found |= reveal(inner, number, question, content);
            } else {
                content.append(((Plain) part).text());
            }
        }
        if (active && question) {
            out.append("<span class=\"cloze\" data-cloze=\"").append(HtmlEscape.attribute(content.toString()))
                    .append("\" data-ordinal=\"").append(deletion.number()).append("\">[")
                    .append(deletion.hintOrEllipsis()).append("]</span>");
        } else {
            out.append(active ? "<span class=\"cloze\"" : "<span class=\"cloze-inactive\"")
                    .append(" data-ordinal=\"").append(deletion.number()).append("\">").append(content).append("</span>");
        }
        return found;
    }

    /** MathJax cannot read HTML: Anki removes tags (not entities) between {@code \(…\)} and {@code \[…\]}. */
    private static String stripHtmlInsideMathJax(String html) {
        Matcher mathJax = MATHJAX.matcher(html);
        StringBuilder out = new StringBuilder();
        while (mathJax.find()) {
            String stripped = mathJax.group(1) + AnkiText.stripHtmlPreservingEntities(mathJax.group(2)) + mathJax.group(3);
            mathJax.appendReplacement(out, Matcher.quoteReplacement(stripped));
        }
        return mathJax.appendTail(out).toString();
    }

    private static Parsed parse(String text) {
        List<Part> parts = new ArrayList<>();
        List<ClozeProblem> problems = new ArrayList<>();
        Deque<OpenDeletion> open = new ArrayDeque<>();
        int position = 0;
        while (position < text.length()) {
            int openingEnd = openingEnd(text, position);
            if (openingEnd > 0) {
                int number = Integer.parseInt(text.substring(position + 3, openingEnd - 2));
                if (number == 0 || number > HIGHEST_NUMBER) {
                    problems.add(new ClozeProblem(ClozeProblem.Kind.NUMBER_OUT_OF_RANGE, "cloze number " + number
                            + " is out of range: Anki asks c1 to c" + HIGHEST_NUMBER + " only", position));
                }
                open.push(new OpenDeletion(number, position));
                position = openingEnd;
            } else if (text.startsWith("}}", position)) {
                OpenDeletion closed = open.poll();
                if (closed == null) {
                    parts.add(new Plain("}}"));
                } else {
                    Deletion deletion = new Deletion(closed.number, List.copyOf(closed.content), closed.hint);
                    (open.isEmpty() ? parts : open.peek().content).add(deletion);
                }
                position += 2;
            } else {
                int end = position + 1;
                while (end < text.length() && openingEnd(text, end) < 0 && !text.startsWith("}}", end)) {
                    end++;
                }
                String chunk = text.substring(position, end);
                if (open.isEmpty()) {
                    parts.add(new Plain(chunk));
                } else {
                    open.peek().addText(chunk);
                }
                position = end;
            }
        }
        open.descendingIterator().forEachRemaining(unclosed -> problems.add(new ClozeProblem(ClozeProblem.Kind.UNCLOSED,
                "'{{c" + unclosed.number + "::' is never closed with '}}': Anki shows nothing from there to the end of the field",
                unclosed.offset)));
        for (Matcher lookalike = CLOZE_LOOKALIKE.matcher(text); lookalike.find(); ) {
            if (openingEnd(text, lookalike.start()) < 0) {
                problems.add(new ClozeProblem(ClozeProblem.Kind.MALFORMED, "'" + lookalike.group()
                        + "' is not a cloze deletion to Anki, which expects '{{c<number>::'", lookalike.start()));
            }
        }
        problems.sort((a, b) -> Integer.compare(a.offset(), b.offset()));
        return new Parsed(parts, problems);
    }

    /** The end of an opening <code>{{cN::</code> at {@code position} (N a number up to 65535, Anki's u16), or -1. */
    private static int openingEnd(String text, int position) {
        if (!text.startsWith("{{c", position)) {
            return -1;
        }
        int digitsEnd = position + 3;
        while (digitsEnd < text.length() && text.charAt(digitsEnd) >= '0' && text.charAt(digitsEnd) <= '9') {
            digitsEnd++;
        }
        String digits = text.substring(position + 3, digitsEnd).replaceFirst("^0+(?=.)", "");
        boolean fitsU16 = !digits.isEmpty() && digits.length() <= 5 && Integer.parseInt(digits) <= 0xFFFF;
        return fitsU16 && text.startsWith("::", digitsEnd) ? digitsEnd + 2 : -1;
    }
}
