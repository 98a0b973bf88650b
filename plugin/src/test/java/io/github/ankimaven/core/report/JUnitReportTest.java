package io.github.ankimaven.core.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ankimaven.core.DeckBuilder;
import io.github.ankimaven.core.DeckReport;
import io.github.ankimaven.core.TestDecks;
import io.github.ankimaven.core.model.CardFile;
import io.github.ankimaven.core.model.Finding;
import io.github.ankimaven.core.model.Severity;
import io.github.ankimaven.core.model.SourceLocation;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.SurefireReportParser;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

class JUnitReportTest {

    @TempDir
    Path dir;

    static final List<String> CARD_FILES = List.of("src/main/anki/cards.csv", "src/main/anki/clean.csv",
            "src/main/anki/broken.csv");

    static final List<Finding> FAILING_CHECK = List.of(
            Finding.error(new SourceLocation("src/main/anki/broken.csv", 0), "encoding",
                    "bytes that are not valid UTF-8; save the file as UTF-8 or set <encoding> to the file's encoding"),
            Finding.error(new SourceLocation("src/main/anki/cards.csv", 3), "empty-term",
                    "empty Term: every note needs a term"),
            Finding.warning(new SourceLocation("src/main/anki/cards.csv", 5), "tag",
                    "tag \"a,b\" contains \",\" or \";\": tags are separated by spaces, so this is one tag"),
            Finding.error(new SourceLocation("src/main/anki/cards.csv", 7), "cell-count",
                    "row has 3 cells but the header has 2 columns"));

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (name == null || e.getTagName().equals(name))) {
                found.add(e);
            }
        }
        return found;
    }

    private static List<String> attributeNames(Element element) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < element.getAttributes().getLength(); i++) {
            names.add(element.getAttributes().item(i).getNodeName());
        }
        return names.stream().sorted().toList();
    }

    @Test
    void oneTestCasePerCardFileWithTheErrorsAsItsFailureAndWarningsAsOutput() throws Exception {
        String xml = CheckReports.junit(JUnitOptions.forDeck("Computing::Virtualization"), CARD_FILES, FAILING_CHECK);
        Element suite = parse(xml).getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals("anki:check", suite.getAttribute("name"));
        assertEquals("3", suite.getAttribute("tests"));
        assertEquals("2", suite.getAttribute("failures"));
        assertEquals("0", suite.getAttribute("errors"));
        assertEquals("0", suite.getAttribute("skipped"));
        assertEquals("0", suite.getAttribute("time"));
        assertEquals(List.of("errors", "failures", "name", "skipped", "tests", "time"), attributeNames(suite),
                "no timestamp or hostname: equal input, equal bytes");

        List<Element> cases = children(suite, null);
        assertEquals(List.of("src/main/anki/broken.csv", "src/main/anki/cards.csv", "src/main/anki/clean.csv"),
                cases.stream().map(c -> c.getAttribute("name")).toList(), "sorted by path");
        cases.forEach(c -> assertEquals("testcase", c.getTagName()));
        cases.forEach(c -> assertEquals("Computing::Virtualization", c.getAttribute("classname")));
        cases.forEach(c -> assertEquals("0", c.getAttribute("time")));

        Element broken = cases.get(0);
        Element brokenFailure = children(broken, "failure").get(0);
        assertEquals("src/main/anki/broken.csv: bytes that are not valid UTF-8; save the file as UTF-8 or set <encoding> to"
                + " the file's encoding", brokenFailure.getAttribute("message"), "line 0: the whole file");
        assertEquals("encoding", brokenFailure.getAttribute("type"));
        assertEquals(List.of(), children(broken, "system-out"));

        Element cards = cases.get(1);
        List<Element> failures = children(cards, "failure");
        assertEquals(1, failures.size(), "one failure per failed test case");
        assertEquals("src/main/anki/cards.csv:3: empty Term: every note needs a term (and 1 more error)",
                failures.get(0).getAttribute("message"));
        assertEquals("empty-term", failures.get(0).getAttribute("type"));
        assertEquals("src/main/anki/cards.csv:3: error: empty Term: every note needs a term [empty-term]\n"
                + "src/main/anki/cards.csv:7: error: row has 3 cells but the header has 2 columns [cell-count]\n",
                failures.get(0).getTextContent());
        List<Element> output = children(cards, "system-out");
        assertEquals(1, output.size());
        assertEquals("src/main/anki/cards.csv:5: warning: tag \"a,b\" contains \",\" or \";\": tags are separated by"
                + " spaces, so this is one tag [tag]\n", output.get(0).getTextContent());
        assertEquals(List.of("failure", "system-out"), children(cards, null).stream().map(Element::getTagName).toList());

        Element clean = cases.get(2);
        assertEquals(List.of(), children(clean, null), "a clean file is a passed test case");
    }

    @Test
    void theFailureMessageCountsTheErrorsNotListed() throws Exception {
        List<Finding> findings = List.of(
                Finding.error(new SourceLocation("src/main/anki/a.csv", 2), "tag", "tag \"a b\""),
                new Finding(Severity.ERROR, new SourceLocation("src/main/anki/a.csv", 3), "tag",
                        "5 more errors \"tag\" in this file, from here on, are not listed", 5));
        String xml = CheckReports.junit(new JUnitOptions(null, " "), List.of("src/main/anki/a.csv"), findings);
        Element failure = children(children(parse(xml).getDocumentElement(), "testcase").get(0), "failure").get(0);
        assertEquals("src/main/anki/a.csv:2: tag \"a b\" (and 5 more errors)", failure.getAttribute("message"));
    }

    @Test
    void aFileWithOnlyWarningsPassesAndFindingsOutsideTheCardFilesGetTestCasesOfTheirOwn() throws Exception {
        List<Finding> findings = List.of(
                Finding.warning(new SourceLocation("", 0), "renamed-note", "somewhere in the deck"),
                Finding.warning(new SourceLocation("src/main/anki/a.csv", 2), "missing-card", "no card"),
                Finding.error(new SourceLocation("/home/me/deck-1.0.apkg", 0), "release-timestamp", "too old"));
        String xml = CheckReports.junit(new JUnitOptions(null, " "), List.of("src/main/anki/a.csv"), findings);
        Element suite = parse(xml).getDocumentElement();
        assertEquals("3", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        List<Element> cases = children(suite, "testcase");
        assertEquals(List.of("(whole deck)", "/home/me/deck-1.0.apkg", "src/main/anki/a.csv"),
                cases.stream().map(c -> c.getAttribute("name")).toList());
        cases.forEach(c -> assertEquals("anki", c.getAttribute("classname")));
        assertEquals("warning: somewhere in the deck [renamed-note]\n", children(cases.get(0), "system-out").get(0).getTextContent());
        assertEquals(List.of(), children(cases.get(0), "failure"));
        assertEquals("/home/me/deck-1.0.apkg: too old", children(cases.get(1), "failure").get(0).getAttribute("message"));
        assertEquals(List.of("system-out"), children(cases.get(2), null).stream().map(Element::getTagName).toList());
    }

    @Test
    void withSeveralDecksEachCardFileIsGroupedUnderItsOwnDeck() throws Exception {
        List<Finding> findings = List.of(Finding.error(new SourceLocation("templates/front.html", 2), "template", "bad"));
        String xml = CheckReports.junit(JUnitOptions.forDecks(java.util.Map.of("src/main/anki/verbs/a.csv", "Spanish Verbs",
                "src/main/anki/cloud/b.csv", "Cloud Basics")), List.of("src/main/anki/verbs/a.csv", "src/main/anki/cloud/b.csv"), findings);
        List<Element> cases = children(parse(xml).getDocumentElement(), "testcase");
        assertEquals(List.of("src/main/anki/cloud/b.csv=Cloud Basics", "src/main/anki/verbs/a.csv=Spanish Verbs",
                "templates/front.html=anki"), cases.stream().map(c -> c.getAttribute("name") + "=" + c.getAttribute("classname")).toList(),
                "a file that belongs to no single deck is grouped under \"anki\"");
    }

    @Test
    void noCardFilesAndNoFindingsIsAnEmptySuite() throws Exception {
        Element suite = parse(CheckReports.junit(JUnitOptions.forDeck("Deck"), List.of(), List.of())).getDocumentElement();
        assertEquals("0", suite.getAttribute("tests"));
        assertEquals("0", suite.getAttribute("failures"));
        assertEquals(List.of(), children(suite, null));
    }

    @Test
    void markupQuotesControlCharactersAndAstralCharactersSurvive() throws Exception {
        String term = "<b>R&D</b> \"quoted\" 'single' ]]> \u0001bell\u0007 \uD83D\uDCDA Ωmega";
        List<Finding> findings = List.of(Finding.error(new SourceLocation("src/main/anki/x&y <1>.csv", 2), "duplicate-term",
                "duplicate term \"" + term + "\": 2 notes"));
        String xml = CheckReports.junit(JUnitOptions.forDeck("R&D <Deck>"), List.of("src/main/anki/x&y <1>.csv"), findings);
        Element testCase = children(parse(xml).getDocumentElement(), "testcase").get(0);
        String visible = "<b>R&D</b> \"quoted\" 'single' ]]> \\u0001bell\\u0007 \uD83D\uDCDA Ωmega";
        assertEquals("src/main/anki/x&y <1>.csv", testCase.getAttribute("name"));
        assertEquals("R&D <Deck>", testCase.getAttribute("classname"));
        Element failure = children(testCase, "failure").get(0);
        assertEquals("src/main/anki/x&y <1>.csv:2: duplicate term \"" + visible + "\": 2 notes", failure.getAttribute("message"));
        assertEquals("src/main/anki/x&y <1>.csv:2: error: duplicate term \"" + visible + "\": 2 notes [duplicate-term]\n",
                failure.getTextContent());
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite "), xml);
        assertTrue(new String(xml.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).contains("\uD83D\uDCDA Ωmega"));
    }

    @Test
    void cleanReplacesOnlyWhatXmlCannotCarry() {
        assertEquals("a\tb\nc\rd \uD83D\uDCDA \uFFFD", JUnitReport.clean("a\tb\nc\rd \uD83D\uDCDA \uFFFD"));
        assertEquals("\\u0000 \\u001F \\uFFFE \\uD800 x \\uDC00", JUnitReport.clean("\u0000 \u001F \uFFFE \uD800 x \uDC00"));
    }

    @Test
    void equalInputGivesEqualBytes() throws Exception {
        Path first = dir.resolve("a/TEST-anki-check.xml");
        Path second = dir.resolve("b/TEST-anki-check.xml");
        CheckReports.writeJUnit(first, JUnitOptions.forDeck("Deck"), CARD_FILES, FAILING_CHECK);
        CheckReports.writeJUnit(second, JUnitOptions.forDeck("Deck"), List.of(CARD_FILES.get(2), CARD_FILES.get(0), CARD_FILES.get(1)),
                new ArrayList<>(FAILING_CHECK));
        byte[] bytes = Files.readAllBytes(first);
        assertArrayEquals(bytes, Files.readAllBytes(second), "card file order does not matter");
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertEquals(CheckReports.junit(JUnitOptions.forDeck("Deck"), CARD_FILES, FAILING_CHECK), text);
        assertFalse(text.contains("\r"));
        assertTrue(text.endsWith("</testsuite>\n"));
        assertTrue(text.contains("\n  <testcase name=\"src/main/anki/clean.csv\" classname=\"Deck\" time=\"0\"/>\n"), text);
    }

    // --- a real consumer: Maven's JUnit report parser (maven-surefire-report-plugin) ---

    @Test
    void mavensReportParserReadsTheReport() throws Exception {
        Path reports = dir.resolve("reports");
        CheckReports.writeJUnit(reports.resolve("TEST-anki-check.xml"), JUnitOptions.forDeck("Deck"), CARD_FILES,
                FAILING_CHECK);
        SurefireReportParser parser = new SurefireReportParser(List.of(reports.toFile()), new NullConsoleLogger());
        List<ReportTestSuite> suites = parser.parseXMLReportFiles();
        assertEquals(1, suites.size());
        ReportTestSuite suite = suites.get(0);
        assertEquals("Deck", suite.getFullClassName());
        assertEquals(3, suite.getNumberOfTests());
        assertEquals(2, suite.getNumberOfFailures(), "the parser counts failure elements: one per failed file");
        assertEquals(0, suite.getNumberOfErrors());
        assertEquals(0, suite.getNumberOfSkipped());
        var summary = parser.getSummary(suites);
        assertEquals(3, summary.get("totalTests"));
        assertEquals(2, summary.get("totalFailures"));
        assertEquals(1f / 3f, (Float) summary.get("totalPercentage"), 1e-6);

        List<ReportTestCase> cases = suite.getTestCases();
        assertEquals(List.of("src/main/anki/broken.csv", "src/main/anki/cards.csv", "src/main/anki/clean.csv"),
                cases.stream().map(ReportTestCase::getName).toList());
        ReportTestCase cards = cases.get(1);
        assertTrue(cards.hasFailure());
        assertEquals("empty-term", cards.getFailureType());
        assertEquals("src/main/anki/cards.csv:3: empty Term: every note needs a term (and 1 more error)",
                cards.getFailureMessage());
        assertEquals("src/main/anki/cards.csv:3: error: empty Term: every note needs a term [empty-term]\n"
                + "src/main/anki/cards.csv:7: error: row has 3 cells but the header has 2 columns [cell-count]",
                cards.getFailureDetail().strip(), "the parser drops whitespace-only text");
        assertTrue(cases.get(2).isSuccessful());
        assertEquals(List.of(cases.get(0), cases.get(1)), parser.getFailureDetails(suites));
    }

    @Test
    void theReportOfARealFailingCheckHasATestCasePerCardFile() throws Exception {
        TestDecks deck = new TestDecks(dir)
                .file("a.csv", "Term,Definition,tags\nVM,A virtual machine,virt\n,No term,\nHypervisor,Runs VMs,\"a,b\"\n")
                .file("b.csv", "Term,Definition\nContainer,Shares the kernel\n");
        DeckReport report = DeckBuilder.check(deck.request());
        assertTrue(report.hasErrors());
        List<String> cardFiles = deck.request().cardFiles().stream().map(CardFile::displayPath).toList();
        Path file = dir.resolve("target/TEST-anki-check.xml");
        CheckReports.writeJUnit(file, JUnitOptions.forDeck(deck.request().deckName()), cardFiles, report.findings());

        List<ReportTestSuite> suites = new TestSuiteXmlParser(new NullConsoleLogger()).parse(file.toString());
        assertEquals(1, suites.size());
        assertEquals("Test Deck", suites.get(0).getFullClassName());
        List<ReportTestCase> cases = suites.get(0).getTestCases();
        assertEquals(List.of("src/main/anki/a.csv", "src/main/anki/b.csv"), cases.stream().map(ReportTestCase::getName).toList());
        assertEquals("src/main/anki/a.csv:3: empty Term: every note needs a term", cases.get(0).getFailureMessage());
        assertEquals("empty-term", cases.get(0).getFailureType());
        assertTrue(cases.get(1).isSuccessful());
        Element a = children(parse(Files.readString(file)).getDocumentElement(), "testcase").get(0);
        assertEquals("src/main/anki/a.csv:4: warning: tag \"a,b\" contains \",\" or \";\": tags are separated by spaces,"
                + " so this is one tag [tag]\n", children(a, "system-out").get(0).getTextContent());
    }

    // --- the consumer can fail: what a careless writer produces is rejected ---

    private static List<ReportTestSuite> consume(String xml) throws Exception {
        return new TestSuiteXmlParser(new NullConsoleLogger())
                .parse(new InputStreamReader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
    }

    @Test
    void theConsumerRejectsBrokenDocuments() throws Exception {
        String good = CheckReports.junit(JUnitOptions.forDeck("Deck"), CARD_FILES, FAILING_CHECK);
        assertEquals(3, consume(good).get(0).getNumberOfTests());

        // Text pasted into XML without escaping: the <encoding> in the message.
        String unescaped = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"anki:check\" time=\"0\" tests=\"1\""
                + " errors=\"0\" skipped=\"0\" failures=\"1\">\n  <testcase name=\"a.csv\" classname=\"Deck\" time=\"0\">"
                + "<failure message=\"a.csv:1: set <encoding>\" type=\"encoding\">a.csv:1: R&D</failure></testcase>\n</testsuite>\n";
        assertThrows(SAXParseException.class, () -> consume(unescaped));
        // A control character written raw: not XML 1.0 at all.
        String control = good.replace("every note needs a term", "every note \u0001 needs a term");
        assertThrows(SAXParseException.class, () -> consume(control));
        // A locale-formatted duration.
        String localeTime = good.replaceFirst("time=\"0\"", "time=\"0,5\"");
        SAXException badTime = assertThrows(SAXException.class, () -> consume(localeTime));
        assertTrue(badTime.getMessage().contains("time"), badTime.getMessage());
        // A truncated file.
        assertThrows(SAXParseException.class, () -> consume(good.substring(0, good.length() / 2)));
    }
}
