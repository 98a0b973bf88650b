package io.github.ankimaven.core.format;

import io.github.ankimaven.core.model.Severity;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Markdown cells: CommonMark with GFM tables, rendered for a field. A cell that is a single
 * paragraph renders without {@code <p>} (Anki shows fields inline, and a term should stay a
 * plain term); the output has no trailing newline; {@code [sound:…]} tags are kept verbatim.
 */
final class MarkdownFields {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder()
            .extensions(EXTENSIONS)
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .omitSingleParagraphP(true)
            .nodeRendererFactory(AnkiStyleNodeRenderer::new)
            .build();

    private MarkdownFields() {}

    static FormattedField render(String markdown) {
        ProtectedSoundTags protectedText = ProtectedSoundTags.protect(markdown);
        Node document = PARSER.parse(protectedText.text());
        String html = protectedText.restore(RENDERER.render(document));
        return new FormattedField(html.endsWith("\n") ? html.substring(0, html.length() - 1) : html, problems(document));
    }

    /**
     * Raw HTML is checked like an HTML field. HTML blocks are checked together, as a
     * {@code <div>} block may wrap Markdown up to a later {@code </div>} block; inline HTML must
     * balance within its paragraph (or table cell), which is where CommonMark closes it.
     */
    private static List<FieldProblem> problems(Node document) {
        List<FieldProblem> problems = new ArrayList<>();
        LinePlacedText htmlBlocks = new LinePlacedText();
        // Nodes are equal only to themselves; the map keeps the containers in document order.
        Map<Node, LinePlacedText> inlineHtmlByContainer = new LinkedHashMap<>();
        List<LinkReferenceDefinition> definitions = new ArrayList<>();
        Set<String> linkDestinations = new java.util.HashSet<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(LinkReferenceDefinition definition) {
                definitions.add(definition);
            }

            @Override
            public void visit(HtmlBlock htmlBlock) {
                htmlBlocks.add(firstLine(htmlBlock), htmlBlock.getLiteral());
            }

            @Override
            public void visit(HtmlInline htmlInline) {
                inlineHtmlByContainer.computeIfAbsent(container(htmlInline), c -> new LinePlacedText())
                        .add(firstLine(htmlInline), htmlInline.getLiteral());
            }

            @Override
            public void visit(Link link) {
                linkDestinations.add(link.getDestination());
                if (HtmlChecker.isJavascriptUrl(link.getDestination())) {
                    problems.add(new FieldProblem(Severity.ERROR, firstLine(link), "html-script",
                            "remove the javascript: URL from the link: Anki would run it as a script"));
                }
                visitChildren(link);
            }

            @Override
            public void visit(Image image) { // ![alt][label] uses a definition as a link does
                linkDestinations.add(image.getDestination());
                visitChildren(image);
            }
        });
        // "[Note]: obsolete" on a line of its own is a link definition to CommonMark: it shows nothing.
        for (LinkReferenceDefinition definition : definitions) {
            if (!linkDestinations.contains(definition.getDestination())) {
                problems.add(new FieldProblem(Severity.WARNING, firstLine(definition), "markdown-definition", "\"["
                        + definition.getLabel() + "]: " + definition.getDestination() + "\" is a Markdown link definition that no"
                        + " link uses, so learners see nothing of it: write \\[ for a literal \"[\""));
            }
        }
        problems.addAll(HtmlChecker.check(htmlBlocks.toString()));
        for (LinePlacedText inlineHtml : inlineHtmlByContainer.values()) {
            problems.addAll(HtmlChecker.check(inlineHtml.toString()));
        }
        problems.sort(Comparator.comparingInt(FieldProblem::lineOffset));
        return problems;
    }

    private static Node container(Node inline) {
        Node node = inline.getParent();
        while (!(node instanceof Block || node instanceof TableCell)) {
            node = node.getParent();
        }
        return node;
    }

    private static int firstLine(Node node) {
        return node.getSourceSpans().isEmpty() ? 0 : node.getSourceSpans().get(0).getLineIndex();
    }

    /** Pieces of text placed on their source lines, so that line numbers stay those of the cell. */
    private static final class LinePlacedText {
        private final StringBuilder text = new StringBuilder();
        private int line;

        void add(int sourceLine, String piece) {
            for (; line < sourceLine; line++) {
                text.append('\n');
            }
            text.append(piece);
            line += (int) piece.chars().filter(c -> c == '\n').count();
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /**
     * Replaces each {@code [sound:…]} tag by a placeholder that Markdown leaves alone, because
     * Markdown would read emphasis, backslash escapes or a link into the file name. The
     * placeholder is a private-use character that does not occur in the text, then the tag's
     * index, then that character again.
     */
    private record ProtectedSoundTags(String text, String marker, List<String> tags) {
        private static final Pattern SOUND_TAG = Pattern.compile("\\[sound:[^\\]\\n]+]");

        static ProtectedSoundTags protect(String markdown) {
            char marker = '\uE000';
            while (markdown.indexOf(marker) >= 0) {
                marker++;
            }
            List<String> tags = new ArrayList<>();
            Matcher matcher = SOUND_TAG.matcher(markdown);
            StringBuilder text = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(text, marker + Integer.toString(tags.size()) + marker);
                tags.add(matcher.group());
            }
            matcher.appendTail(text);
            return new ProtectedSoundTags(text.toString(), String.valueOf(marker), tags);
        }

        String restore(String html) {
            if (tags.isEmpty()) {
                return html;
            }
            return Pattern.compile(marker + "([0-9]+)" + marker).matcher(html)
                    .replaceAll(placeholder -> Matcher.quoteReplacement(tags.get(Integer.parseInt(placeholder.group(1)))));
        }
    }

    /**
     * Writes images, line breaks and rules the way Anki's editor does ({@code <img src="…">},
     * {@code <br>}, {@code <hr>}, not XHTML's {@code />}), and local image names without
     * percent-escapes: Anki stores media references unescaped and looks files up by the
     * literal name, so {@code ![](my%20cat.png)} must refer to {@code my cat.png}.
     */
    private static final class AnkiStyleNodeRenderer implements NodeRenderer {
        private final HtmlNodeRendererContext context;
        private final HtmlWriter html;

        AnkiStyleNodeRenderer(HtmlNodeRendererContext context) {
            this.context = context;
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Image.class, HardLineBreak.class, ThematicBreak.class);
        }

        @Override
        public void render(Node node) {
            if (node instanceof Image image) {
                Map<String, String> attributes = new LinkedHashMap<>();
                attributes.put("src", HtmlChecker.isLocalUrl(image.getDestination())
                        ? decodePercentEscapes(image.getDestination()) : image.getDestination());
                attributes.put("alt", altText(image));
                if (image.getTitle() != null) {
                    attributes.put("title", image.getTitle());
                }
                html.tag("img", context.extendAttributes(image, "img", attributes));
            } else if (node instanceof HardLineBreak) {
                html.tag("br");
                html.line();
            } else {
                html.line();
                html.tag("hr", context.extendAttributes(node, "hr", Map.of()));
                html.line();
            }
        }

        private static String decodePercentEscapes(String destination) {
            try {
                return URLDecoder.decode(destination.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformedEscape) {
                return destination;
            }
        }

        private static String altText(Image image) {
            StringBuilder alt = new StringBuilder();
            image.accept(new AbstractVisitor() {
                @Override
                public void visit(Text text) {
                    alt.append(text.getLiteral());
                }

                @Override
                public void visit(Code code) {
                    alt.append(code.getLiteral());
                }

                @Override
                public void visit(SoftLineBreak softLineBreak) {
                    alt.append('\n');
                }

                @Override
                public void visit(HardLineBreak hardLineBreak) {
                    alt.append('\n');
                }
            });
            return alt.toString();
        }
    }
}
