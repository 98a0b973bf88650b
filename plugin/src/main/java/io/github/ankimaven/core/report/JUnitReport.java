package io.github.ankimaven.core.report;

import io.github.ankimaven.core.model.Finding;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Findings as a JUnit XML report in the Ant/Surefire format most CI systems read: one
 * {@code testsuite}, one {@code testcase} per card file, passed when the file has no error.
 * A file with errors is one failed test with one {@code failure}: its {@code message} is the
 * first error as {@code path:line: message} (with "(and N more errors)"), its {@code type} that
 * error's rule id, its text every error of the file, one {@code path:line: error: message [rule]}
 * line each. Warnings are {@code system-out} lines of their file's test case. Findings in files
 * that are not card files (a previous release) get a test case of their own, findings without a
 * file one named {@value #WHOLE_DECK}.
 *
 * <p>One failure per test case, not one per error: readers such as Jenkins show only a test
 * case's first {@code failure}, and Maven's own report parser counts every {@code failure}
 * element as a failed test, so several per test case would hide errors or break the counts.
 * Counts follow JUnit: {@code tests} test cases, {@code failures} of them failed, no errors or
 * skipped. No timestamp, host name or duration is written ({@code time="0"}), so equal input
 * gives equal bytes. Characters XML 1.0 cannot carry (control characters, lone surrogates) are
 * written as {@code \}{@code uXXXX}.
 */
final class JUnitReport {

    static final String WHOLE_DECK = "(whole deck)";

    private JUnitReport() {}

    static String xml(JUnitOptions options, List<String> cardFiles, List<Finding> findings) {
        Map<String, List<Finding>> byFile = new TreeMap<>();
        cardFiles.forEach(file -> byFile.put(testName(file), new ArrayList<>()));
        for (Finding finding : findings) {
            byFile.computeIfAbsent(testName(finding.location().file()), name -> new ArrayList<>()).add(finding);
        }
        long failed = byFile.values().stream().filter(list -> list.stream().anyMatch(Finding::isError)).count();

        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", clean(options.suiteName()));
            xml.writeAttribute("time", "0");
            xml.writeAttribute("tests", Integer.toString(byFile.size()));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", "0");
            xml.writeAttribute("failures", Long.toString(failed));
            for (Map.Entry<String, List<Finding>> test : byFile.entrySet()) {
                xml.writeCharacters("\n  ");
                writeTestCase(xml, options.classNameOf(test.getKey()), test.getKey(), test.getValue());
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write the JUnit report: " + e.getMessage(), e);
        }
        return text.toString();
    }

    private static void writeTestCase(XMLStreamWriter xml, String className, String name, List<Finding> findings)
            throws XMLStreamException {
        if (findings.isEmpty()) {
            xml.writeEmptyElement("testcase");
        } else {
            xml.writeStartElement("testcase");
        }
        xml.writeAttribute("name", clean(name));
        xml.writeAttribute("classname", clean(className));
        xml.writeAttribute("time", "0");
        if (findings.isEmpty()) {
            return;
        }
        List<Finding> errors = findings.stream().filter(Finding::isError).toList();
        if (!errors.isEmpty()) {
            Finding first = errors.get(0);
            String message = line(first);
            int count = errors.stream().mapToInt(Finding::problems).sum(); // a summary finding stands for those not listed
            if (count > 1) {
                message += " (and " + (count - 1) + " more " + (count == 2 ? "error" : "errors") + ")";
            }
            xml.writeCharacters("\n    ");
            xml.writeStartElement("failure");
            xml.writeAttribute("message", clean(message));
            xml.writeAttribute("type", clean(first.rule()));
            xml.writeCharacters(clean(lines(errors)));
            xml.writeEndElement();
        }
        List<Finding> warnings = findings.stream().filter(finding -> !finding.isError()).toList();
        if (!warnings.isEmpty()) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("system-out");
            xml.writeCharacters(clean(lines(warnings)));
            xml.writeEndElement();
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    /** One {@code path:line: severity: message [rule]} line per finding. */
    private static String lines(List<Finding> findings) {
        StringBuilder out = new StringBuilder();
        for (Finding finding : findings) {
            String where = where(finding);
            out.append(where).append(where.isEmpty() ? "" : ": ").append(finding.severity().name().toLowerCase(Locale.ROOT))
                    .append(": ").append(finding.message()).append(" [").append(finding.rule()).append("]\n");
        }
        return out.toString();
    }

    private static String testName(String file) {
        return file == null || file.isBlank() ? WHOLE_DECK : file;
    }

    /** {@code path:line: message}, as in the build log; just the message for a finding without a file. */
    private static String line(Finding finding) {
        String where = where(finding);
        return where.isEmpty() ? finding.message() : where + ": " + finding.message();
    }

    private static String where(Finding finding) {
        String file = finding.location().file();
        return file == null || file.isBlank() ? "" : finding.location().toString();
    }

    /** Replaces what XML 1.0 cannot represent, even escaped, with a visible {@code \}{@code uXXXX}. */
    static String clean(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (ok) {
                if (out != null) {
                    out.append(c);
                }
            } else {
                if (out == null) {
                    out = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            }
        }
        return out == null ? text : out.toString();
    }
}
