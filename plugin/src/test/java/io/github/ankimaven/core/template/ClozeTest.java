package io.github.ankimaven.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.ankimaven.core.template.ClozeProblem.Kind;
import io.github.ankimaven.core.text.AnkiText;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Cloze parsing and rendering; many cases paraphrase Anki's own tests in {@code rslib/src/cloze.rs}. */
class ClozeTest {

    @Test
    void findsDistinctNumbersIncludingNestedOnes() {
        assertEquals(Set.of(), Cloze.numbers("test"));
        assertEquals(Set.of(1, 2), Cloze.numbers("{{c2::te}}{{c1::s}}t{{"));
        assertEquals(Set.of(1, 2), Cloze.numbers("{{c2::te{{c1::s}}}}t{{"));
        assertEquals(Set.of(1, 3), Cloze.numbers("{{c1::Canberra::city}} {{c3::a}} {{c1::b}}"));
        assertEquals(Set.of(), Cloze.numbers("öaöaöööaö"));
        assertEquals(Set.of(), Cloze.numbers("{{c1:one colon}} {{c::no number}} {{C1::upper case}}"));
        assertEquals(Set.of(), Cloze.numbers("a {{c1::b"), "an unclosed deletion does not count");
    }

    @Test
    void cardOrdinalIsNumberMinusOneWithinAnkisLimits() {
        assertEquals(0, Cloze.cardOrdinal(1));
        assertEquals(4, Cloze.cardOrdinal(5));
        assertEquals(0, Cloze.cardOrdinal(0));
        assertEquals(499, Cloze.cardOrdinal(500));
        assertEquals(499, Cloze.cardOrdinal(600));
    }

    @Test
    void questionHidesTheActiveDeletionWithItsHintAndShowsTheOthers() {
        String text = "{{c1::Canberra::city}} is the capital of {{c2::Australia}}.";
        assertEquals("[city] is the capital of Australia.", AnkiText.stripHtml(Cloze.render(text, 1, true)));
        assertEquals("Canberra is the capital of [...].", AnkiText.stripHtml(Cloze.render(text, 2, true)));
        assertEquals("Canberra is the capital of Australia.", AnkiText.stripHtml(Cloze.render(text, 2, false)));
        assertEquals("<span class=\"cloze\" data-cloze=\"Canberra\" data-ordinal=\"1\">[city]</span> is the capital of "
                + "<span class=\"cloze-inactive\" data-ordinal=\"2\">Australia</span>.", Cloze.render(text, 1, true));
        assertEquals("<span class=\"cloze\" data-ordinal=\"1\">Canberra</span> is the capital of "
                + "<span class=\"cloze-inactive\" data-ordinal=\"2\">Australia</span>.", Cloze.render(text, 1, false));
        // a card whose number is not in the text is blank (add-ons such as cloze overlapper rely on it)
        assertEquals("", Cloze.render(text, 3, true));
    }

    @Test
    void nestedDeletionsAsInAnkisTests() {
        assertEquals("foo [...]", AnkiText.stripHtml(Cloze.render("foo {{c1::bar {{c2::baz}}}}", 1, true)));
        assertEquals("foo bar baz", AnkiText.stripHtml(Cloze.render("foo {{c1::bar {{c2::baz}}}}", 1, false)));
        String withHint = "foo {{c1::bar {{c2::baz}}::qux}}";
        assertEquals("foo bar [...]", AnkiText.stripHtml(Cloze.render(withHint, 2, true)));
        assertEquals("foo bar baz", AnkiText.stripHtml(Cloze.render(withHint, 2, false)));
        assertEquals("foo [qux]", AnkiText.stripHtml(Cloze.render(withHint, 1, true)));
        assertEquals("foo <span class=\"cloze\" data-cloze=\"bar&#x20;&lt;span&#x20;class&#x3D;&quot;cloze&#x2D;inactive&quot;"
                + "&#x20;data&#x2D;ordinal&#x3D;&quot;2&quot;&gt;baz&lt;&#x2F;span&gt;\" data-ordinal=\"1\">[...]</span>",
                Cloze.render("foo {{c1::bar {{c2::baz}}}}", 1, true));
        assertEquals("foo <span class=\"cloze-inactive\" data-ordinal=\"1\">bar <span class=\"cloze\" data-ordinal=\"2\">baz</span></span>",
                Cloze.render(withHint, 2, false));
    }

    @Test
    void stripsHtmlInsideMathJaxButKeepsEntities() {
        assertEquals("\\(&lt;&gt;\\) <span class=\"cloze\" data-ordinal=\"1\">x</span>",
                Cloze.render("\\(<foo>&lt;&gt;</foo>\\) {{c1::x}}", 1, false));
    }

    @Test
    void clozeOnlyShowsJustTheActiveDeletion() {
        assertEquals("", Cloze.renderOnly("foo", 1, true));
        assertEquals("...", Cloze.renderOnly("foo {{c1::bar}}", 1, true));
        assertEquals("baz", Cloze.renderOnly("foo {{c1::bar::baz}}", 1, true));
        assertEquals("bar", Cloze.renderOnly("foo {{c1::bar}}", 1, false));
        assertEquals("", Cloze.renderOnly("foo {{c1::bar}}", 2, false));
        assertEquals("foo, bar", Cloze.renderOnly("{{c1::foo}} {{c1::bar}}", 1, false));
    }

    @Test
    void answerForTypingCollapsesIdenticalAnswers() {
        assertEquals("", Cloze.answerForTyping("{{c2::foo}}", 1));
        assertEquals("foo, bar, foo", Cloze.answerForTyping("{{c1::foo}} {{c1::bar}} {{c1::foo}}", 1));
        assertEquals("foo", Cloze.answerForTyping("{{c1::foo}} {{c1::foo}} {{c1::foo}}", 1));
    }

    @Test
    void withoutMarkupKeepsAnswersAndDropsHints() {
        assertEquals("Canberra is the capital of Australia.",
                Cloze.withoutMarkup("{{c1::Canberra::city}} is the capital of {{c2::Australia}}."));
        assertEquals("foo bar baz", Cloze.withoutMarkup("foo {{c1::bar {{c2::baz}}::qux}}"));
        assertEquals("a }} b", Cloze.withoutMarkup("a }} b"));
        // as in Anki, an unclosed deletion and everything after it disappear
        assertEquals("kept ", Cloze.withoutMarkup("kept {{c1::lost {{c2::also lost}} too"));
    }

    @Test
    void reportsMarkupAnkiWouldNotTurnIntoTheIntendedCard() {
        String text = "{{c1::ok}} {{c0::zero}} {{c501::big}} {{c1:colon}} {{C2::upper}} {{c99999::huge}} {{c3::open";
        assertEquals(List.of(
                new ClozeProblem(Kind.NUMBER_OUT_OF_RANGE, "cloze number 0 is out of range: Anki asks c1 to c500 only", 11),
                new ClozeProblem(Kind.NUMBER_OUT_OF_RANGE, "cloze number 501 is out of range: Anki asks c1 to c500 only", 24),
                new ClozeProblem(Kind.MALFORMED, "'{{c1:' is not a cloze deletion to Anki, which expects '{{c<number>::'", 38),
                new ClozeProblem(Kind.MALFORMED, "'{{C2:' is not a cloze deletion to Anki, which expects '{{c<number>::'", 51),
                new ClozeProblem(Kind.MALFORMED, "'{{c99999:' is not a cloze deletion to Anki, which expects '{{c<number>::'", 65),
                new ClozeProblem(Kind.UNCLOSED,
                        "'{{c3::' is never closed with '}}': Anki shows nothing from there to the end of the field", 82)),
                Cloze.problems(text));
        assertEquals(List.of(), Cloze.problems("{{c1::a {{c2::b}}::hint}} }} {{cat}} {{c12::x}}"));
        assertEquals(List.of(Kind.UNCLOSED, Kind.UNCLOSED),
                Cloze.problems("{{c1::outer {{c2::inner").stream().map(ClozeProblem::kind).toList());
    }
}
