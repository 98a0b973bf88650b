package io.github.ankimaven.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ankimaven.core.template.TemplateNode.Replacement;
import io.github.ankimaven.core.template.TemplateNode.Section;
import io.github.ankimaven.core.template.TemplateNode.Text;
import io.github.ankimaven.core.template.TemplateProblem.Kind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Parsing, checking and rendering single templates; many cases paraphrase Anki's own tests in {@code rslib/src/template.rs}. */
class TemplateTest {

    @Test
    void parsesTextReplacementsAndSections() {
        assertEquals(List.of(
                new Text("foo "),
                new Replacement("bar", List.of(), 4),
                new Text(" "),
                new Section("baz", false, List.of(new Text(" quux ")), 12)),
                Template.parse("foo {{bar}} {{#baz}} quux {{/baz}}").nodes());
        assertEquals(List.of(new Section("baz", true, List.of(), 0)), Template.parse("{{^baz}}{{/baz}}").nodes());
    }

    @Test
    void filtersApplyRightToLeft() {
        Replacement replacement = (Replacement) Template.parse("{{one:two:Field}}").nodes().get(0);
        assertEquals("Field", replacement.field());
        assertEquals(List.of("two", "one"), replacement.filters());
        assertEquals("{{one:two:Field}}", replacement.tag());
        assertEquals(List.of(new Replacement("", List.of("foo"), 0)), Template.parse("{{foo:}}").nodes());
    }

    @Test
    void trimsTagsButNotFilterNamesAndIgnoresStrayBraces() {
        assertEquals(List.of(new Replacement("tag", List.of(), 0)), Template.parse("{{ tag }}").nodes());
        assertEquals(List.of(new Section("Add Reverse", false, List.of(), 0)),
                Template.parse("{{#  Add Reverse }}{{/Add Reverse}}").nodes());
        assertEquals(List.of(new Replacement("Front", List.of("text "), 0)), Template.parse("{{ text :Front}}").nodes());
        assertEquals(List.of(new Text("text }} more")), Template.parse("text }} more").nodes());
        // Anki drops extra opening braces, so the third closing one is text
        assertEquals(List.of(new Replacement("Front", List.of(), 0), new Text("}")), Template.parse("{{{Front}}}").nodes());
        // Rust's trim also removes no-break spaces
        assertEquals(List.of(new Replacement("Front", List.of(), 0)), Template.parse("{{\u00a0Front\u00a0}}").nodes());
    }

    @Test
    void hasNoCommentTags() {
        assertEquals(List.of(new Replacement("!comment", List.of(), 0)), Template.parse("{{!comment}}").nodes());
    }

    @Test
    void supportsTheAlternativeHandlebarSyntax() {
        // Anki's alt_syntax test
        assertEquals(List.of(
                new Text("\n"), new Replacement("Front", List.of(), 13), new Text("\n"),
                new Section("Back", false, List.of(new Text("\n")), 23)),
                Template.parse("\n{{=<% %>=}}\n<%Front%>\n<% #Back %>\n<%/Back%>").nodes());
        assertEquals(List.of(
                new Text("\n"),
                new Section("foo", false, List.of(new Text("\n"), new Replacement("Front", List.of(), 22), new Text("\n")), 13),
                new Text("\n")),
                Template.parse("\n{{=<% %>=}}\n{{#foo}}\n<%Front%>\n{{/foo}}\n").nodes());
        assertEquals(List.of(new Text("<%Front%>")), Template.parse("<%Front%>").nodes(), "only after the directive");
    }

    @Test
    void reportsSyntaxErrorsWithOffsetsInAnkisWords() {
        assertSyntaxError("{{#mis}}{{/matched}}", Kind.SECTION_NOT_OPEN, "Found '{{/matched}}', but expected '{{/mis}}'", 8);
        assertSyntaxError("x {{/matched}}", Kind.SECTION_NOT_OPEN,
                "Found '{{/matched}}', but missing '{{#matched}}' or '{{^matched}}'", 2);
        assertSyntaxError("ab {{#mis}} {{#ok}}{{/ok}}", Kind.SECTION_NOT_CLOSED, "Missing '{{/mis}}'", 3);
        assertSyntaxError("{{Front}} {{Back", Kind.MISSING_CLOSING_BRACES, "Missing '}}' in '{{Back'", 10);
        assertSyntaxError(" {{", Kind.MISSING_CLOSING_BRACES, "Missing '}}' in '{{'", 1);
        // Anki 2.1.66 hangs on this one
        assertSyntaxError("{{=<% %>=}}<%Front", Kind.MISSING_CLOSING_BRACES, "Missing '%>' in '<%Front'", 11);
        // the first problem in template order wins
        assertSyntaxError("{{/a}} {{b", Kind.SECTION_NOT_OPEN, "Found '{{/a}}', but missing '{{#a}}' or '{{^a}}'", 0);
        assertSyntaxError("{{#a}} {{b", Kind.MISSING_CLOSING_BRACES, "Missing '}}' in '{{b'", 7);
    }

    @Test
    void brokenTemplateRendersAnkisErrorNoticeAndNeverRenders() {
        Template broken = Template.parse("{{#Front}}");
        Rendering rendering = broken.render(RenderContext.question(Map.of("Front", "x"), 0));
        assertTrue(rendering.failed());
        assertEquals("Front template has a problem:<br>Missing &#x27;\u2068{{/Front}}\u2069&#x27;<br>"
                + "<a href='https://anki.tenderapp.com/kb/problems/card-template-has-a-problem'>More information</a>", rendering.html());
        assertFalse(broken.rendersWithFields(Set.of("Front")));
        assertEquals(List.of(broken.syntaxError().orElseThrow()), broken.check(List.of("Front")));
    }

    @Test
    void listsReferencedFieldsClozeFieldsAndFilters() {
        Template template = Template.parse(
                "{{#Tags}}{{text:Front}}{{/Tags}}{{^c2}}{{cloze:Text}}{{/c2}}{{hint:furigana:Reading}}{{type:cloze:Text}}{{FrontSide}}");
        assertEquals(List.of("Tags", "Front", "Text", "Reading", "FrontSide"), List.copyOf(template.referencedFields()));
        assertEquals(Set.of("Text"), template.clozeFields());
        assertEquals(List.of("text", "cloze", "furigana", "hint", "type"), List.copyOf(template.filters()));
    }

    @Test
    void checkReportsUnknownFieldsEmptyTagsAndUnknownFiltersInOrder() {
        Template template = Template.parse("{{Front}}{{front}}{{#Nope}}{{/Nope}}{{#c3}}{{/c3}}{{}}{{#}}{{bold:Back}}"
                + "{{tts en_US:Back}}{{Tags}}{{FrontSide}}{{filter:}}{{::Back}}");
        assertEquals(List.of(
                new TemplateProblem(Kind.UNKNOWN_FIELD, "Found '{{front}}', but there is no field called 'front'", 9),
                new TemplateProblem(Kind.UNKNOWN_FIELD, "Found '{{#Nope}}', but there is no field called 'Nope'", 18),
                new TemplateProblem(Kind.EMPTY_TAG, "Found '{{}}', but there is no field called ''", 50),
                new TemplateProblem(Kind.EMPTY_TAG, "Found '{{#}}', but there is no field called '#'", 54),
                new TemplateProblem(Kind.UNKNOWN_FILTER, "Unknown filter 'bold' in '{{bold:Back}}'", 59),
                new TemplateProblem(Kind.UNKNOWN_FILTER, "Unknown filter 'filter' in '{{filter:}}'", 111)),
                template.check(List.of("Front", "Back")));
    }

    @Test
    void emptyFieldsAreWhitespaceAndEmptyBreaksOrDivs() {
        // Anki's field_empty test
        assertTrue(Template.isEmptyField(""));
        assertTrue(Template.isEmptyField(" "));
        assertFalse(Template.isEmptyField("x"));
        assertTrue(Template.isEmptyField("<BR>"));
        assertTrue(Template.isEmptyField("<div />"));
        assertTrue(Template.isEmptyField(" <div> <br> </div>\n"));
        assertFalse(Template.isEmptyField(" <div>x</div>\n"));
        assertFalse(Template.isEmptyField("&nbsp;"));
        assertFalse(Template.isEmptyField("\u00a0"));
    }

    @Test
    void rendersWithFieldsWhenAReplacementOfANonEmptyFieldIsShown() {
        // Anki's nonempty test
        Set<String> nonEmpty = Set.of("1", "3");
        assertTrue(Template.parse("{{2}}{{1}}").rendersWithFields(nonEmpty));
        assertFalse(Template.parse("{{2}}").rendersWithFields(nonEmpty));
        assertFalse(Template.parse("{{2}}{{4}}").rendersWithFields(nonEmpty));
        assertTrue(Template.parse("{{#3}}{{^2}}{{1}}{{/2}}{{/3}}").rendersWithFields(nonEmpty));
        assertFalse(Template.parse("{{^1}}{{3}}{{/1}}").rendersWithFields(nonEmpty));
        assertFalse(Template.parse("static text only").rendersWithFields(nonEmpty));
        assertTrue(Template.parse("{{text:1}}").rendersWithFields(nonEmpty));
    }

    @Test
    void rendersFieldsSectionsAndCardSections() {
        // Anki's render_single test
        Map<String, String> fields = Map.of("F", "f", "B", "b", "E", " ", "c1", "1");
        assertEquals("bAf", question("{{B}}A{{F}}", fields));
        assertEquals("", question("{{#E}}A{{/E}}", fields));
        assertEquals("12f", question("{{^E}}1{{#F}}2{{#B}}{{F}}{{/B}}{{/F}}{{/E}}", fields));
        assertEquals("12", question("{{^c2}}1{{#c1}}2{{/c1}}{{/c2}}", fields));
        assertEquals("b", question("{{text:B}}", fields));
        assertEquals("", question("{{filter:}}", fields));
    }

    @Test
    void insertsFieldHtmlAsStored() {
        assertEquals("<b>x</b> &amp; y", question("{{F}}", Map.of("F", "<b>x</b> &amp; y")));
        assertEquals("x & y", question("{{text:F}}", Map.of("F", "<b>x</b> &amp; y")));
    }

    @Test
    void unknownFieldsBreakRenderingEvenInHiddenSections() {
        Map<String, String> fields = Map.of("E", " ");
        Rendering missingSection = Template.parse("{{#E}}}{{^M}}A{{/M}}{{/E}}}").render(RenderContext.question(fields, 1));
        assertEquals(List.of(new TemplateProblem(Kind.UNKNOWN_FIELD, "Found '{{^M}}', but there is no field called 'M'", 7)),
                missingSection.problems());
        Rendering missingField = Template.parse("{{foo:text:X}}").render(RenderContext.question(fields, 0));
        assertEquals("Found '{{foo:text:X}}', but there is no field called 'X'", missingField.problems().get(0).message());
        assertTrue(missingField.html().startsWith("Front template has a problem:<br>Found &#x27;\u2068{{foo:text:X}}\u2069&#x27;"));
        assertTrue(Template.parse("{{Nope}}").render(RenderContext.question(fields, 0).answer("q")).html()
                .startsWith("Back template has a problem:"));
        assertEquals("Found '{{c1}}', but there is no field called 'c1'",
                Template.parse("{{c1}}").render(RenderContext.question(fields, 0)).problems().get(0).message());
    }

    @Test
    void fieldNamesAreCaseSensitive() {
        assertTrue(Template.parse("{{front}}").render(RenderContext.question(Map.of("Front", "x"), 0)).failed());
    }

    @Test
    void unknownFilterLeavesTheTextAsItIsThenAndIsReported() {
        Map<String, String> fields = Map.of("B", "<b>b</b>");
        Rendering rendering = Template.parse("{{text:one:B}}|{{one:text:B}}").render(RenderContext.question(fields, 0));
        assertEquals("<b>b</b>|b", rendering.html());
        assertFalse(rendering.failed());
        assertEquals(List.of(
                new TemplateProblem(Kind.UNKNOWN_FILTER, "Unknown filter 'one' in '{{text:one:B}}'", 0),
                new TemplateProblem(Kind.UNKNOWN_FILTER, "Unknown filter 'one' in '{{one:text:B}}'", 15)),
                rendering.problems());
        assertEquals("b", question("{{::text:B}}", fields), "an empty filter name is ignored");
    }

    @Test
    void frontSideIsTheQuestionOnTheAnswerAndEmptyOnTheQuestion() {
        Template template = Template.parse("[{{FrontSide}}]{{text:FrontSide}}");
        RenderContext question = RenderContext.question(Map.of(), 0);
        assertEquals("[]", template.render(question).html());
        assertEquals("[<i>q</i>]<i>q</i>", template.render(question.answer("<i>q</i>")).html(), "filters on FrontSide are ignored");
    }

    @Test
    void hintFilterRevealsOnClick() {
        String html = question("{{hint:Extra}}", Map.of("Extra", "more"));
        String id = html.substring(html.indexOf("'hint") + 1, html.indexOf("').style"));
        assertEquals("\n<a class=hint href=\"#\"\nonclick=\"this.style.display='none';\ndocument.getElementById('" + id
                + "').style.display='block';\nreturn false;\">\nExtra</a>\n<div id=\"" + id
                + "\" class=hint style=\"display: none\">more</div>\n", html);
        assertTrue(id.matches("hint[0-9a-f]{16}"));
        assertEquals(" ", question("{{hint:Extra}}", Map.of("Extra", " ")));
    }

    @Test
    void rubyFiltersAsInAnkisFuriganaTest() {
        Map<String, String> fields = Map.of("W", "test first[second] third[fourth]", "S", "first[second] [sound:a.mp3]");
        assertEquals("testsecondfourth", question("{{kana:W}}", fields));
        assertEquals("testfirstthird", question("{{kanji:W}}", fields));
        assertEquals("<ruby><rb>first</rb><rt>second</rt></ruby> [sound:a.mp3]", question("{{furigana:S}}", fields));
    }

    @Test
    void typeAndTtsFiltersProduceAnkisMarkers() {
        Map<String, String> fields = Map.of("Back", "b", "Text", "{{c1::x}}");
        assertEquals("[[type:Back]]", question("{{type:Back}}", fields));
        assertEquals("[[type:cloze:Text]]", question("{{type:cloze:Text}}", fields));
        assertEquals("[anki:tts lang=en_US voices=Bob]b[/anki:tts]", question("{{tts en_US voices=Bob:Back}}", fields));
    }

    @Test
    void clozeFiltersFollowTheSide() {
        Map<String, String> fields = Map.of("Text", "{{c1::one}} {{c2::two::hint}}");
        RenderContext card2 = RenderContext.question(fields, 1);
        assertEquals("<span class=\"cloze-inactive\" data-ordinal=\"1\">one</span> "
                + "<span class=\"cloze\" data-cloze=\"two\" data-ordinal=\"2\">[hint]</span>",
                Template.parse("{{cloze:Text}}").render(card2).html());
        assertEquals("<span class=\"cloze-inactive\" data-ordinal=\"1\">one</span> <span class=\"cloze\" data-ordinal=\"2\">two</span>",
                Template.parse("{{cloze:Text}}").render(card2.answer("")).html());
        assertEquals("hint", Template.parse("{{cloze-only:Text}}").render(card2).html());
        assertEquals("", Template.parse("{{cloze:Text}}").render(RenderContext.question(fields, 2)).html());
    }

    @Test
    void specialFieldsAreOrdinaryEntriesOfTheContext() {
        Map<String, String> fields = Map.of("Tags", "a b", "Deck", "Top::Sub", "Subdeck", "Sub", "CardFlag", "flag0");
        assertEquals("a b|Top::Sub|Sub|flag0|tagged",
                question("{{Tags}}|{{Deck}}|{{Subdeck}}|{{CardFlag}}|{{#Tags}}tagged{{/Tags}}", fields));
    }

    private static String question(String template, Map<String, String> fields) {
        Rendering rendering = Template.parse(template).render(RenderContext.question(fields, 0));
        assertFalse(rendering.failed(), rendering::toString);
        return rendering.html();
    }

    private static void assertSyntaxError(String template, Kind kind, String message, int offset) {
        Template parsed = Template.parse(template);
        assertEquals(new TemplateProblem(kind, message, offset), parsed.syntaxError().orElseThrow(), template);
        assertEquals(List.of(), parsed.nodes());
    }
}
