package io.github.ankimaven.core;

import io.github.ankimaven.core.model.CardTemplate;
import io.github.ankimaven.core.model.NoteType;
import io.github.ankimaven.core.model.SourceLocation;
import io.github.ankimaven.core.template.NoteKind;
import io.github.ankimaven.core.text.TextFiles;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A custom note type as the author declares it: fields, templates and styling in files.
 *
 * @param kind {@code standard} or {@code cloze}
 * @param sortField the field Anki sorts by and the deck's "term"; default the first field
 * @param cssFile the styling, or null for Anki's default styling
 */
public record NoteTypeDefinition(String name, String kind, List<String> fields, List<TemplateFiles> templates, Path cssFile,
        String sortField) {

    /** One card template: its name and the files of its front and back. */
    public record TemplateFiles(String name, Path front, Path back) {}

    private static final String DEFAULT_CSS = NoteType.termDefinition().css();

    /** Reads the files and builds the note type; fails with a message naming what to fix. */
    public NoteType load(Path baseDirectory) throws IOException, DeckConfigurationException {
        if (name == null || name.isBlank()) {
            throw new DeckConfigurationException("every <noteType> in <noteTypes> needs a <name>");
        }
        String where = "<noteType> \"" + name + "\"";
        if (fields == null || fields.isEmpty()) {
            throw new DeckConfigurationException(where + " needs <fields>");
        }
        Set<String> unique = new HashSet<>();
        for (String field : fields) {
            if (field.isBlank() || field.strip().matches(".*[:{}\"].*|^[#/^].*")) {
                throw new DeckConfigurationException(where + ": field name \"" + field
                        + "\" is empty or has a character Anki removes (: { } \" or a leading # / ^)");
            }
            if (!unique.add(field.strip().toLowerCase(Locale.ROOT))) {
                throw new DeckConfigurationException(where + " has the field \"" + field + "\" twice");
            }
        }
        if (templates == null || templates.isEmpty()) {
            throw new DeckConfigurationException(where + " needs at least one <template>");
        }
        List<CardTemplate> cardTemplates = new ArrayList<>();
        for (TemplateFiles template : templates) {
            if (template.name() == null || template.name().isBlank() || template.front() == null || template.back() == null) {
                throw new DeckConfigurationException(where + ": every <template> needs a <name>, a <front> and a <back> file");
            }
            cardTemplates.add(new CardTemplate(template.name(), read(template.front(), where), read(template.back(), where),
                    new SourceLocation(CardFiles.display(baseDirectory, template.front()), 1),
                    new SourceLocation(CardFiles.display(baseDirectory, template.back()), 1)));
        }
        NoteKind noteKind = switch (kind == null ? "standard" : kind.strip().toLowerCase(Locale.ROOT)) {
            case "standard" -> NoteKind.STANDARD;
            case "cloze" -> NoteKind.CLOZE;
            default -> throw new DeckConfigurationException(where + ": <kind> \"" + kind + "\" must be standard or cloze");
        };
        List<String> names = fields.stream().map(String::strip).toList();
        int sortIndex = sortField == null ? 0 : names.indexOf(sortField.strip());
        if (sortIndex < 0) {
            throw new DeckConfigurationException(where + ": <sortField> \"" + sortField + "\" is not one of its fields " + names);
        }
        String css = cssFile == null ? DEFAULT_CSS : read(cssFile, where);
        SourceLocation cssSource = cssFile == null ? null : new SourceLocation(CardFiles.display(baseDirectory, cssFile), 1);
        return new NoteType(name.strip(), name.strip(), noteKind, names, cardTemplates, css, sortIndex, cssSource);
    }

    private static String read(Path file, String where) throws IOException, DeckConfigurationException {
        if (!Files.isRegularFile(file)) {
            throw new DeckConfigurationException(where + ": " + file + " does not exist");
        }
        try {
            return TextFiles.read(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new DeckConfigurationException(where + ": " + file + " is not valid UTF-8: save it as UTF-8");
        }
    }
}
