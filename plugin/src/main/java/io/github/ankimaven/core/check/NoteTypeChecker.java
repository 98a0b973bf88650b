package io.github.ankimaven.core.check;

import io.github.ankimaven.core.media.MediaReference;
import io.github.ankimaven.core.media.MediaReferences;
import io.github.ankimaven.core.model.CardTemplate;
import io.github.ankimaven.core.model.Finding;
import io.github.ankimaven.core.model.NoteType;
import io.github.ankimaven.core.model.SourceLocation;
import io.github.ankimaven.core.template.NoteKind;
import io.github.ankimaven.core.template.Template;
import io.github.ankimaven.core.template.TemplateProblem;
import java.io.IOException;
import java.io.StringReader;
import java.util.function.Consumer;
import org.htmlunit.cssparser.parser.CSSErrorHandler;
import org.htmlunit.cssparser.parser.CSSException;
import org.htmlunit.cssparser.parser.CSSOMParser;
import org.htmlunit.cssparser.parser.CSSParseException;
import org.htmlunit.cssparser.parser.InputSource;

/**
 * Checks a declared note type the way Anki would judge it: templates that parse and reference
 * only existing fields and known filters, a front that can show something, the cloze filter
 * where a cloze note type needs it, and styling that parses. Also collects the media its
 * templates and styling use (Anki imports those only when their names start with {@code _}).
 */
public final class NoteTypeChecker {

    private NoteTypeChecker() {}

    public static void check(NoteType noteType, Consumer<Finding> findings, Consumer<MediaReference> media) {
        for (CardTemplate template : noteType.templates()) {
            checkSide(noteType, template, template.front(), template.frontSource(), "front", findings, media);
            checkSide(noteType, template, template.back(), template.backSource(), "back", findings, media);
        }
        if (noteType.kind() == NoteKind.CLOZE) {
            if (noteType.templates().size() != 1) {
                findings.accept(Finding.error(location(noteType.templates().get(1).frontSource(), noteType), "note-type",
                        "cloze note type \"" + noteType.name() + "\" has " + noteType.templates().size()
                                + " templates: Anki allows exactly one (each cloze number makes a card)"));
            }
            CardTemplate template = noteType.templates().get(0);
            for (String side : new String[] {template.front(), template.back()}) {
                if (Template.parse(side).clozeFields().isEmpty()) {
                    findings.accept(Finding.error(location(side == template.front() ? template.frontSource() : template.backSource(),
                            noteType), "note-type", "cloze note type \"" + noteType.name() + "\": the "
                            + (side == template.front() ? "front" : "back") + " of \"" + template.name()
                            + "\" needs a {{cloze:Field}} replacement, or Anki shows no deletion"));
                }
            }
        } else {
            for (CardTemplate template : noteType.templates()) {
                if (Template.parse(template.front()).referencedFields().stream().noneMatch(noteType.fields()::contains)) {
                    findings.accept(Finding.error(location(template.frontSource(), noteType), "note-type", "the front of \""
                            + template.name() + "\" uses no field of note type \"" + noteType.name()
                            + "\", so Anki can never make its card: add a field such as {{" + noteType.fields().get(0) + "}}"));
                }
            }
        }
        if (noteType.cssSource() != null) {
            checkStyling(noteType.css(), noteType.cssSource(), findings);
            MediaReferences.inStyling(noteType.css(), noteType.cssSource()).forEach(media);
        }
    }

    private static void checkSide(NoteType noteType, CardTemplate template, String text, SourceLocation source, String side,
            Consumer<Finding> findings, Consumer<MediaReference> media) {
        Template parsed = Template.parse(text);
        for (TemplateProblem problem : parsed.check(noteType.fields())) {
            SourceLocation at = source == null ? location(null, noteType)
                    : new SourceLocation(source.file(), source.line() + lines(text, problem.offset()));
            boolean error = problem.kind().breaksRendering() || problem.kind() == TemplateProblem.Kind.UNKNOWN_FIELD;
            findings.accept(new Finding(error ? io.github.ankimaven.core.model.Severity.ERROR
                    : io.github.ankimaven.core.model.Severity.WARNING, at, "template", "the " + side + " of \"" + template.name()
                    + "\" (note type \"" + noteType.name() + "\"): " + problem.message()));
        }
        if (source != null) {
            MediaReferences.inTemplate(text, source).forEach(media);
        }
    }

    /** CSS that does not parse is a warning: browsers skip what they cannot read, so the card still shows. */
    private static void checkStyling(String css, SourceLocation source, Consumer<Finding> findings) {
        CSSOMParser parser = new CSSOMParser();
        parser.setErrorHandler(new CSSErrorHandler() {
            @Override
            public void warning(CSSParseException exception) {}

            @Override
            public void error(CSSParseException exception) {
                report(exception);
            }

            @Override
            public void fatalError(CSSParseException exception) {
                report(exception);
            }

            private void report(CSSParseException exception) {
                String message = exception.getMessage().strip();
                int expecting = message.indexOf(" Was expecting");
                if (expecting > 0) {
                    message = message.substring(0, expecting) + (message.startsWith("Error") && message.contains("(") ? ")" : "");
                }
                findings.accept(Finding.warning(new SourceLocation(source.file(), source.line() - 1 + exception.getLineNumber()),
                        "css", "styling does not parse: " + message + " (browsers skip what they cannot read; fix it)"));
            }
        });
        try (InputSource input = new InputSource(new StringReader(css))) {
            parser.parseStyleSheet(input, null);
        } catch (IOException | CSSException e) {
            findings.accept(Finding.warning(source, "css", "styling does not parse: " + e.getMessage()));
        }
    }

    private static SourceLocation location(SourceLocation source, NoteType noteType) {
        return source != null ? source : new SourceLocation("note type \"" + noteType.name() + "\"", 0);
    }

    private static int lines(String text, int offset) {
        int lines = 0;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
