package io.github.ankimaven.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ankimaven.core.model.Finding;
import io.github.ankimaven.core.model.Severity;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Findings as a SARIF 2.1.0 log: one run, the rule catalogue as {@code tool.driver.rules}, one
 * result per finding in the order given. Keys are written in a fixed order, lines end in
 * {@code \n}, and nothing depends on the clock or the machine unless the options say so.
 */
final class SarifReport {

    static final String SCHEMA =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    static final String TOOL_NAME = "anki-maven-plugin";
    static final String SOURCE_ROOT = "%SRCROOT%";
    /** GitHub shows a rule's help with each alert; every finding's message says what to change. */
    static final String HELP = "Each result's message names the problem and how to fix it.";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectWriter WRITER = new ObjectMapper().writer(new DefaultPrettyPrinter(
            Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private SarifReport() {}

    static String json(SarifOptions options, List<Finding> findings) {
        List<String> ruleIds = ruleIds(findings);
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (int i = 0; i < ruleIds.size(); i++) {
            ruleIndex.put(ruleIds.get(i), i);
        }

        ObjectNode driver = NODES.objectNode().put("name", TOOL_NAME);
        if (options.toolVersion() != null) {
            driver.put("version", options.toolVersion());
        }
        ArrayNode rules = driver.putArray("rules");
        for (String id : ruleIds) {
            ObjectNode rule = rules.addObject().put("id", id);
            Rule known = Rules.byId(id).orElse(null);
            String summary = known == null ? "Findings of the check " + id + "." : known.summary();
            rule.putObject("shortDescription").put("text", summary);
            rule.putObject("fullDescription").put("text", summary);
            if (known != null) {
                rule.putObject("defaultConfiguration").put("level",
                        level(options.ruleSeverities().getOrDefault(id, known.defaultSeverity())));
            }
            rule.putObject("help").put("text", summary + " " + HELP);
        }

        ObjectNode run = NODES.objectNode();
        run.putObject("tool").set("driver", driver);
        if (options.category() != null) {
            run.putObject("automationDetails").put("id", options.category());
        }
        ObjectNode sourceRoot = run.putObject("originalUriBaseIds").putObject(SOURCE_ROOT);
        if (options.sourceRoot() != null) {
            sourceRoot.put("uri", options.sourceRoot().toString());
        }
        sourceRoot.putObject("description").put("text", "The repository root; result locations are relative to it.");
        ArrayNode results = run.putArray("results");
        for (Finding finding : findings) {
            results.add(result(finding, ruleIndex.get(finding.rule()), options.pathPrefix()));
        }

        ObjectNode log = NODES.objectNode().put("$schema", SCHEMA).put("version", "2.1.0");
        log.putArray("runs").add(run);
        try {
            return WRITER.writeValueAsString(log) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The catalogue's rules in its order (stable rule indexes), then any unknown ids, sorted. */
    private static List<String> ruleIds(List<Finding> findings) {
        List<String> ids = new ArrayList<>(Rules.ALL.stream().map(Rule::id).toList());
        TreeSet<String> unknown = new TreeSet<>();
        for (Finding finding : findings) {
            if (!ids.contains(finding.rule())) {
                unknown.add(finding.rule());
            }
        }
        ids.addAll(unknown);
        return ids;
    }

    private static ObjectNode result(Finding finding, int ruleIndex, String pathPrefix) {
        ObjectNode result = NODES.objectNode()
                .put("ruleId", finding.rule())
                .put("ruleIndex", ruleIndex)
                .put("level", level(finding.severity()));
        result.putObject("message").put("text", finding.message());
        String file = finding.location().file();
        if (file != null && !file.isBlank()) {
            ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
            ObjectNode artifact = physical.putObject("artifactLocation");
            if (isAbsolute(file)) {
                artifact.put("uri", fileUri(file));
            } else {
                artifact.put("uri", encodePath(pathPrefix + file)).put("uriBaseId", SOURCE_ROOT);
            }
            if (finding.location().line() > 0) {
                physical.putObject("region").put("startLine", finding.location().line());
            }
        }
        return result;
    }

    static String level(Severity severity) {
        return severity == Severity.ERROR ? "error" : "warning";
    }

    /** A path outside the project's base directory is shown absolute: {@code /x/y} or {@code C:/x/y}. */
    static boolean isAbsolute(String path) {
        return path.startsWith("/") || path.matches("(?s)^[A-Za-z]:/.*");
    }

    /** An absolute file path as a {@code file:} URI, which a SARIF location uses without a base. */
    static String fileUri(String path) {
        if (path.startsWith("//")) {
            return "file:" + encodePath(path); // UNC: //host/share/...
        }
        if (path.startsWith("/")) {
            return "file://" + encodePath(path);
        }
        return "file:///" + path.substring(0, 2) + encodePath(path.substring(2)); // C:/...
    }

    /**
     * Percent-encodes a {@code /}-separated path as a URI path (RFC 3986): letters, digits,
     * {@code -._~!$&'()*+,;=@} and {@code /} stay, every other character becomes its UTF-8 bytes
     * as {@code %XX}, so spaces, {@code %}, {@code #}, {@code ?}, {@code :} and non-ASCII names
     * stay one valid relative reference.
     */
    static String encodePath(String path) {
        StringBuilder out = new StringBuilder(path.length() + 16);
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~!$&'()*+,;=@/".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
