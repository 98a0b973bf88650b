package io.github.ankimaven.core.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownFieldsTest {

    private static String html(String markdown) {
        FormattedField field = FieldFormat.MARKDOWN.render(markdown);
        assertEquals(List.of(), field.problems(), markdown);
        return field.html();
    }

    private static List<String> problems(String markdown) {
        return FieldFormat.MARKDOWN.render(markdown).problems().stream()
                .map(p -> p.severity() + " " + p.lineOffset() + " " + p.rule() + ": " + p.message())
                .toList();
    }

    @Test
    void aLineThatCommonMarkTakesForALinkDefinitionIsAWarning() {
        assertEquals(List.of("WARNING 2 markdown-definition: \"[Note]: obsolete\" is a Markdown link definition that no link"
                + " uses, so learners see nothing of it: write \\[ for a literal \"[\""),
                problems("The first line.\n\n[Note]: obsolete"));
        assertEquals(List.of(), problems("See [the docs][d].\n\n[d]: https://example.org"), "a definition a link uses");
        assertEquals(List.of(), problems("![r][logo]\n\n[logo]: x+y.png"), "a definition an image uses");
    }

    @Test
    void aSingleParagraphRendersInlineWithoutP() {
        assertEquals("term", html("term"));
        assertEquals("<strong>bold</strong> and <em>it</em> <code>List&lt;int&gt;</code>", html("**bold** and *it* `List<int>`"));
        assertEquals("a &lt; b &amp; c", html("a < b & c"));
        assertEquals("", html(""));
    }

    @Test
    void severalBlocksKeepTheirTagsWithoutATrailingNewline() {
        assertEquals("<p>first</p>\n<p>second</p>", html("first\n\nsecond"));
        assertEquals("<ul>\n<li>one</li>\n<li>two</li>\n</ul>", html("- one\n- two"));
        assertEquals("<ol>\n<li>first</li>\n</ol>", html("1. first"));
        assertEquals("<pre><code>x &lt; y\n</code></pre>", html("```\nx < y\n```"));
        assertEquals("<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n"
                + "<td>2</td>\n</tr>\n</tbody>\n</table>", html("| a | b |\n|---|---|\n| 1 | 2 |"));
    }

    @Test
    void lineBreaksFollowCommonMarkAndVoidTagsAreWrittenAsAnkiDoes() {
        assertEquals("one\ntwo", html("one\ntwo"));
        assertEquals("one<br>\ntwo", html("one\\\ntwo"));
        assertEquals("<p>above</p>\n<hr>\n<p>below</p>", html("above\n\n---\n\nbelow"));
    }

    @Test
    void imagesBecomeImgTagsWithTheFileNameAsAnkiStoresIt() {
        assertEquals("<img src=\"file.png\" alt=\"alt\">", html("![alt](file.png)"));
        assertEquals("<img src=\"my cat.png\" alt=\"my cat\" title=\"Tom\">", html("![my cat](my%20cat.png \"Tom\")"));
        assertEquals("<img src=\"my cat.png\" alt=\"\">", html("![](<my cat.png>)"));
        assertEquals("<img src=\"a&amp;b.png\" alt=\"a b\">", html("![a *b*](a&b.png)"));
        assertEquals("<img src=\"https://example.org/a%20b.png\" alt=\"remote\">", html("![remote](https://example.org/a%20b.png)"));
    }

    @Test
    void soundTagsSurviveUntouchedWhereMarkdownWouldChangeThem() {
        String tags = "[sound:a_b_.mp3] [sound:*a*.mp3] [sound:a\\_b.mp3] [sound:a&amp;b.mp3] [sound:c&d.mp3]";
        assertEquals(tags, html(tags));
        assertEquals("[sound:x.mp3](not a link)", html("[sound:x.mp3](not a link)"));
        assertEquals("<em>say</em> [sound:*x*.mp3]<br>\n<code>[sound:y.mp3]</code>", html("*say* [sound:*x*.mp3]\\\n`[sound:y.mp3]`"));
    }

    @Test
    void rawHtmlIsCheckedAtItsLineInTheCell() {
        assertEquals("<b>bold\nacross lines</b>", html("<b>bold\nacross lines</b>"));
        assertEquals("<div>\n<p><em>wrapped</em></p>\n</div>", html("<div>\n\n*wrapped*\n\n</div>"));
        assertEquals(List.of(
                "ERROR 0 html-unbalanced: <i> is not closed: add </i> where it should end; an open tag spills over into the rest of the card",
                "WARNING 4 html-unknown-element: unknown HTML element <blink>: browsers show only its content; check the spelling, "
                        + "or write &lt; for a literal \"<\"",
                "ERROR 8 html-script: remove the <script> element: Anki would run it whenever the card is shown; "
                        + "scripts belong in the card template"),
                problems("text <i>x\n\n<div>\n\n<blink>*md*</blink>\n\n</div>\n\n<script>x()</script>"));
    }

    @Test
    void inlineHtmlMustBalanceWithinItsParagraphOrTableCell() {
        assertEquals(List.of(
                "ERROR 0 html-unbalanced: <b> is not closed: add </b> where it should end; an open tag spills over into the rest of the card",
                "ERROR 2 html-unbalanced: </b> closes nothing: remove it, or add the missing <b> where it should start"),
                problems("<b>open\n\nclosed</b>"));
        assertEquals(List.of(
                "ERROR 0 html-unbalanced: <u> is not closed: add </u> where it should end; an open tag spills over into the rest of the card",
                "ERROR 0 html-unbalanced: </u> closes nothing: remove it, or add the missing <u> where it should start"),
                problems("| <u>a | b</u> |\n|---|---|\n| 1 | <s>2</s> |"));
    }

    @Test
    void javascriptLinksAreErrors() {
        assertEquals(List.of("ERROR 1 html-script: remove the javascript: URL from the link: Anki would run it as a script"),
                problems("fine\n[click](javascript:alert(1))"));
    }
}
