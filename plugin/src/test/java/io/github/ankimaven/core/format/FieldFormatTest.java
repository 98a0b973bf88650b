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
