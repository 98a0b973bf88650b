package io.github.ankimaven.core.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlCheckerTest {

    private static List<String> problems(String html) {
        return HtmlChecker.check(html).stream()
                .map(p -> p.severity() + " " + p.lineOffset() + " " + p.rule() + ": " + p.message())
                .toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "plain text, AT&T, a < b, <3, 1 <= 2",
        "<b>bold</b> <I>upper</i> <br> <br/> <img src=\"cat.png\"> <hr>",
        "<p>one<p>two",
        "<ul>\n<li>one\n<li>two\n</ul>",
        "<table><tr><td>cell<td>cell</table>",
        "<a title=\"a > b\" href='x.html'>quoted &gt;</a>",
        "<!-- <b> unclosed in a comment --> <!DOCTYPE html> <?xml version=\"1.0\"?>",
        "<svg viewBox=\"0 0 1 1\"><circle r=\"1\"/><linearGradient id=g></linearGradient></svg>",
        "<math><mi>x</mi></math>",
        "<textarea><b></textarea> <title>a <i> b</title>",
        "<font color=red>old</font> <center>c</center> <ruby>漢<rt>kan</ruby>",
        "<my-widget>custom elements may be defined by the template</my-widget>",
        "<audio src=\"a.mp3\" controls></audio> <video src=\"_v.mp4\"><source src=\"https://x.org/v.webm\"></video>",
    })
    void validFieldHtmlHasNoProblems(String html) {
        assertEquals(List.of(), problems(html));
    }

    @Test
    void reportsTagsLeftOpenAtTheirOwnLine() {
        assertEquals(List.of(
                "ERROR 1 html-unbalanced: <b> is not closed: add </b> where it should end; an open tag spills over into the rest of the card",
                "ERROR 2 html-unbalanced: <span> is not closed: add </span> where it should end; an open tag spills over into the rest of the card"),
                problems("<p>ok\n<b>bold\n<span>x"));
    }

    @Test
    void reportsAMisnestingOnce() {
        assertEquals(List.of("ERROR 0 html-unbalanced: <i> is still open at </b>: add </i> before </b> "
                + "(tags close in the reverse order they were opened)"), problems("<b>x<i>y</b>z</i>"));
        assertEquals(List.of("ERROR 0 html-unbalanced: <span> is still open at </div>: add </span> before </div> "
                + "(tags close in the reverse order they were opened)"), problems("<div><span>x</div>"));
    }

    @Test
    void reportsEndTagsThatCloseNothing() {
        assertEquals(List.of(
                "ERROR 1 html-unbalanced: </i> closes nothing: remove it, or add the missing <i> where it should start",
                "ERROR 2 html-unbalanced: remove </br>: <br> has no end tag"),
                problems("a\n</i>b\n<br></br>"));
    }

    @Test
    void reportsSelfClosingSyntaxThatHtmlIgnores() {
        assertEquals(List.of("ERROR 0 html-unbalanced: <span/> does not close itself in HTML: write <span></span>"),
                problems("<span/>text"));
    }

    @Test
    void reportsScriptsEventHandlersAndJavascriptUrls() {
        assertEquals(List.of(
                "ERROR 0 html-script: remove the <script> element: Anki would run it whenever the card is shown; "
                        + "scripts belong in the card template",
                "ERROR 1 html-script: remove the onclick attribute from <img>: Anki would run its script",
                "ERROR 2 html-script: remove the javascript: URL from the href attribute of <a>: Anki would run it as a script"),
                problems("<script>if (a<b) alert(1)</script>\n<img src=x.png onClick=\"go()\">\n<a href=' JavaScript:go()'>x</a>"));
    }

    @Test
    void findsScriptsHiddenTheWaysBrowsersStillRun() {
        assertEquals(List.of(
                "ERROR 0 html-script: remove the javascript: URL from the href attribute of <a>: Anki would run it as a script",
                "ERROR 1 html-script: remove the javascript: URL from the href attribute of <a>: Anki would run it as a script",
                "ERROR 2 html-script: remove the javascript: URL from the href attribute of <a>: Anki would run it as a script",
                "ERROR 4 html-script: remove the srcdoc attribute from <iframe>: its HTML is a page of its own, whose scripts"
                        + " Anki would run",
                "ERROR 5 html-script: remove the onerror attribute from <img>: Anki would run its script",
                "ERROR 6 html-script: remove the javascript: URL from the href attribute of <a>: Anki would run it as a script"),
                problems("<a href=\"&#106;avascript:alert(1)\">x</a>\n"
                        + "<a href=\"java&#x09;script&colon;alert(1)\">x</a>\n"
                        + "<a href=\"\u0001 jav\nascript:go()\">x</a>\n"
                        + "<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>\n"
                        + "<!-- --!><img src=x onerror=alert(1)> -->\n"
                        + "<svg><title><a href=\"javascript:alert(1)\">x</a></title></svg>"), "the line break in line 2's URL"
                + " counts: the comment is on line 5");
        assertEquals(List.of(), problems("<a href=\"javascript-notes.html\">x</a> <a href=\"&#106;ava.html\">y</a>"
                + " <!--> <!---> <b>after empty comments</b>"));
    }

    @Test
    void warnsAboutStylesAndUnknownElements() {
        assertEquals(List.of(
                "WARNING 0 html-style: <style> in a field restyles the whole card while it is shown: "
                        + "move the CSS into the note type's styling",
                "WARNING 1 html-unknown-element: unknown HTML element <blink>: browsers show only its content; "
                        + "check the spelling, or write &lt; for a literal \"<\""),
                problems("<style>.card { color: red }</style>\n<blink>x</blink>"));
    }

    @Test
    void warnsThatOlderAnkiVersionsMissVideoFiles() {
        assertEquals(List.of(
                "WARNING 0 html-video-src: Anki before 25.02 does not import files that only <video> refers to: rename "
                        + "\"clip.mp4\" to \"_clip.mp4\" (here too), as every version imports files whose name starts with \"_\"",
                "WARNING 1 html-video-src: Anki before 25.02 does not import files that only <source> refers to: rename "
                        + "\"clip.webm\" to \"_clip.webm\" (here too), as every version imports files whose name starts with \"_\""),
                problems("<video src=\"clip.mp4\" controls>\n<source src=clip.webm>\n</video>"));
    }

    @Test
    void textThatLooksLikeATagIsReadAsOne() {
        assertEquals(List.of(
                "WARNING 0 html-unknown-element: unknown HTML element <int,>: browsers show only its content; "
                        + "check the spelling, or write &lt; for a literal \"<\"",
                "ERROR 0 html-unbalanced: <int,> is not closed: add </int,> where it should end; an open tag spills over into the rest of the card"),
                problems("Map<int, int>"));
    }

    @Test
    void reportsTagsAndCommentsThatNeverEnd() {
        assertEquals(List.of("ERROR 1 html-unfinished: the tag <img is not finished: check its quotes and end it with \">\""),
                problems("ok\n<img src=\"cat.png>\nmore"));
        assertEquals(List.of("ERROR 0 html-unfinished: the comment <!-- is not closed: add --> where it should end; "
                + "until then it hides the rest of the card"), problems("<!-- note to self"));
        assertEquals(List.of("ERROR 0 html-unfinished: \"<!\" is not finished: end it with \">\", or write &lt; for a literal \"<\""),
                problems("<!DOCTYPE"));
        assertEquals(List.of(
                "ERROR 0 html-script: remove the <script> element: Anki would run it whenever the card is shown; "
                        + "scripts belong in the card template",
                "ERROR 0 html-unbalanced: <script> is not closed: add </script> where it should end; "
                        + "an open tag spills over into the rest of the card"),
                problems("<script>never closed <b>"));
    }
}
