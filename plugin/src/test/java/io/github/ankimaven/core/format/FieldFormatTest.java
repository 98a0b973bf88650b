package io.github.ankimaven.core.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.ankimaven.core.DeckConfigurationException;
import io.github.ankimaven.core.model.Finding;
import io.github.ankimaven.core.model.Severity;
import io.github.ankimaven.core.model.SourceLocation;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldFormatTest {

    @Test
    void parsesTheConfiguredNameInAnyCase() throws DeckConfigurationException {
        assertEquals(FieldFormat.TEXT, FieldFormat.parse("text"));
        assertEquals(FieldFormat.MARKDOWN, FieldFormat.parse(" Markdown "));
        assertEquals(FieldFormat.HTML, FieldFormat.parse("HTML"));
        assertEquals("markdown", FieldFormat.MARKDOWN.configurationName());
    }

    @Test
    void rejectsAnUnknownNameAndListsTheKnownOnes() {
        DeckConfigurationException e = assertThrows(DeckConfigurationException.class, () -> FieldFormat.parse("md"));
        assertEquals("unknown field format \"md\": use text, markdown or html", e.getMessage());
    }

    @Test
    void textIsEscapedAsBeforeAndNeverChecked() {
        FormattedField field = FieldFormat.TEXT.render("a < b & <script>\nnext [sound:a&b.mp3]");
        assertEquals("a &lt; b &amp; &lt;script&gt;<br>next [sound:a&amp;b.mp3]", field.html());
        assertEquals(List.of(), field.problems());
    }

    @Test
    void storedFieldsLoseControlCharactersWithAWarningAtTheLineOfTheFirst() {
        FormattedField text = FieldFormat.TEXT.renderStored("one\ntwo \u0001 & \u007f\nthree\u0002");
        assertEquals("one<br>two  &amp; <br>three", text.html());
        assertEquals(List.of(new FieldProblem(Severity.WARNING, 1, "control-character",
                "contains the control character U+0001, which Anki removes; delete it")), text.problems());
        FormattedField del = FieldFormat.TEXT.renderStored("a\u007fb");
        assertEquals("ab", del.html());
        assertEquals("contains the control character U+007F, which Anki removes; delete it", del.problems().get(0).message());
        FormattedField html = FieldFormat.HTML.renderStored("<b>bold</b>\n\n<i>x\u0003</i>");
        assertEquals("<b>bold</b>\n\n<i>x</i>", html.html());
        assertEquals(List.of(2), html.problems().stream().map(FieldProblem::lineOffset).toList());
        FormattedField markdown = FieldFormat.MARKDOWN.renderStored("# Title\n\nsome\u0004 text");
        assertEquals(List.of(2), markdown.problems().stream().map(FieldProblem::lineOffset).toList());
        // Markdown turns a NUL into U+FFFD, so the rendered HTML has nothing left to remove: the cell is what counts.
        FormattedField reference = FieldFormat.MARKDOWN.renderStored("a\n\nb &#1; c");
        assertEquals(List.of(0), reference.problems().stream().map(FieldProblem::lineOffset).toList(),
                "a character reference the HTML decodes to a control character");
        FormattedField nul = FieldFormat.MARKDOWN.renderStored("a\n\nb\u0000c");
        assertEquals(List.of(new FieldProblem(Severity.WARNING, 2, "control-character",
                "contains the control character U+0000, which Anki removes; delete it")), nul.problems());
        assertEquals(List.of(), FieldFormat.TEXT.renderStored("tab\tand & <b>").problems());
    }

    @Test
    void htmlIsStoredUnchanged() {
        String html = "<b>bold</b> <i>open\n[sound:a.mp3]";
        FormattedField field = FieldFormat.HTML.render(html);
        assertEquals(html, field.html());
        assertEquals(List.of(new FieldProblem(Severity.ERROR, 0, "html-unbalanced",
                "<i> is not closed: add </i> where it should end; an open tag spills over into the rest of the card")),
                field.problems());
    }

    @Test
    void aProblemBecomesAFindingOnTheCellsLine() {
        FieldProblem problem = new FieldProblem(Severity.WARNING, 2, "html-style", "message");
        assertEquals(new Finding(Severity.WARNING, new SourceLocation("cards/a.csv", 12), "html-style", "message"),
                problem.at(new SourceLocation("cards/a.csv", 10)));
    }
}
