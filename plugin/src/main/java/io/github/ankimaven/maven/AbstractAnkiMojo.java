package io.github.ankimaven.maven;

import io.github.ankimaven.core.CardFiles;
import io.github.ankimaven.core.DeckBuilder;
import io.github.ankimaven.core.DeckConfigurationException;
import io.github.ankimaven.core.DeckReport;
import io.github.ankimaven.core.DeckRequest;
import io.github.ankimaven.core.NoteTypeDefinition;
import io.github.ankimaven.core.RuleSeverities;
import io.github.ankimaven.core.apkg.PackageWriter;
import io.github.ankimaven.core.format.FieldFormat;
import io.github.ankimaven.core.model.BuiltInNoteTypes;
import io.github.ankimaven.core.model.CardFile;
import io.github.ankimaven.core.model.Finding;
import io.github.ankimaven.core.model.NoteType;
import io.github.ankimaven.core.model.Severity;
import io.github.ankimaven.core.preview.PreviewSite;
import io.github.ankimaven.core.report.CheckReports;
import io.github.ankimaven.core.report.JUnitOptions;
import io.github.ankimaven.core.report.SarifOptions;
import io.github.ankimaven.core.text.AnkiText;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal shares: where the card files are, how to read them and what deck they make.
 * {@link #execute()} skips or runs the goal and translates core exceptions in one place.
 */
abstract class AbstractAnkiMojo extends AbstractMojo {

    /** The project whose deck is built. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /**
     * Skips every goal of this plugin.
     *
     * <p>Default {@code false}; property {@code anki.skip}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "anki.skip", defaultValue = "false")
    private boolean skip;

    /**
     * The directory holding the deck's card files.
     *
     * <p>Default <code>${project.basedir}/src/main/anki</code>; property {@code anki.sourceDirectory}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "anki.sourceDirectory", defaultValue = "${project.basedir}/src/main/anki", required = true)
    private File sourceDirectory;

    /**
     * Ant-style patterns, relative to {@code sourceDirectory}, of the card files to read. Files
     * ending in {@code .tsv} are tab-separated, all others comma-separated. Patterns ignore case
     * on every operating system, so {@code Verbs.CSV} is read on Linux as on Windows.
     *
     * <p>Default {@code **}{@code /*.csv} and {@code **}{@code /*.tsv}.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<String> includes = List.of("**/*.csv", "**/*.tsv");

    /**
     * Ant-style patterns, relative to {@code sourceDirectory}, of files not to read even though
     * they match {@code includes}.
     *
     * <p>Default: none.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<String> excludes = List.of();

    /**
     * The character encoding of the card files. A UTF-8 byte order mark is skipped.
     *
     * <p>Default {@code UTF-8}; property {@code anki.encoding}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "anki.encoding", defaultValue = "UTF-8")
    private String encoding;

    /**
     * The deck's name as learners see it in Anki; {@code ::} separates a parent deck from a
     * child deck ({@code Computing::Virtualization}). Anki matches decks by name, so renaming
     * the deck makes learners' new cards land in a new deck.
     *
     * <p>Default <code>${project.name}</code>; property {@code anki.deckName}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "anki.deckName", defaultValue = "${project.name}")
    private String deckName;

    /**
     * The deck's description, shown on its overview screen in Anki. Plain text; line breaks
     * are kept.
     *
     * <p>Default: none; property {@code anki.description}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "anki.description")
    private String description;

    /**
     * A Markdown file with the deck's description (rendered to HTML: lists, emphasis, links).
     * Used instead of {@code description}; setting both is an error.
     *
     * <p>Default <code>${sourceDirectory}/description.md</code> when that file exists.
     *
     * @since 0.1.0
     */
    @Parameter(property = "anki.descriptionFile")
    private File descriptionFile;

    /**
     * The format of the fields' text: {@code text} (what you type is what learners see),
     * {@code markdown} (CommonMark with tables, rendered to HTML) or {@code html} (stored as
     * written, checked for broken or dangerous markup).
     *
     * <p>Default {@code text}; property {@code anki.format}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "anki.format", defaultValue = "text")
    private String format;

    /**
     * Formats of single fields, overriding {@code format}:
     * {@code <fieldFormats><Definition>markdown</Definition></fieldFormats>}.
     *
     * <p>Default: none.
     *
     * @since 0.1.0
     */
    @Parameter
    private Map<String, String> fieldFormats = Map.of();

    /**
     * The directory with the deck's media files (flat, like Anki's). Every file a field refers
     * to ({@code <img src>}, {@code [sound:…]}, …) is packed, plus every file whose name starts
     * with {@code _}; a missing file is an error, an unused one a warning.
     *
     * <p>Default <code>${sourceDirectory}/media</code>; property {@code anki.mediaDirectory}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "anki.mediaDirectory")
    private File mediaDirectory;

    /**
     * Tags added to every note, in addition to each row's {@code tags} column. Use {@code ::}
     * for hierarchy ({@code course::week1}); tags cannot contain spaces.
     *
     * <p>Default: none.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<String> tags = List.of();

    /**
     * What makes this deck's note GUIDs and note type ids unique. A note's GUID is derived
     * from this identity and its normalised term (unless the row has a {@code guid}), so it
     * stays the same on every build; change it and learners get every note a second time.
     *
     * <p>Default <code>${project.groupId}:${project.artifactId}</code>; property {@code anki.deckIdentity}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "anki.deckIdentity", defaultValue = "${project.groupId}:${project.artifactId}")
    private String deckIdentity;

    /**
     * What two notes with the same term are: {@code error} (fail the build) or {@code warning}.
     * Terms are the same when equal after Unicode NFC, whitespace normalisation and case
     * folding. Duplicates reported as warnings still need distinct {@code guid} cells.
     *
     * <p>Default {@code error}; property {@code anki.duplicateTerms}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "anki.duplicateTerms", defaultValue = "error")
    private String duplicateTerms;

    /**
     * Severities of single checks instead of their own, by rule id (the rule tables in the README):
     * {@code error} fails the build, {@code warning} is logged. Any rule may become an error,
     * for a CI that fails on unused media, say:
     * {@code <rules><media-unused>error</media-unused></rules>}. Only {@code template-media},
     * {@code media-static-conflict}, {@code media-static}, {@code media-missing},
     * {@code html-unbalanced} and {@code html-unfinished} may become warnings: the package still
     * imports, with the flaw the rule names; other errors would break it.
     *
     * <p>Default: each rule's own severity.
     *
     * @since 0.1.0
     */
    @Parameter
    private Map<String, String> rules = Map.of();

    /**
     * Several decks built by one execution, each with its own name, card files, tags and package
     * (attached with its own classifier). Values left out fall back to the parameters above.
     *
     * <pre>{@code
     * <decks>
     *   <deck><name>Spanish Verbs</name><classifier>verbs</classifier>
     *     <sourceDirectory>src/main/anki/verbs</sourceDirectory></deck>
     *   <deck><name>Spanish Nouns</name><classifier>nouns</classifier>
     *     <sourceDirectory>src/main/anki/nouns</sourceDirectory></deck>
     * </decks>
     * }</pre>
     *
     * <p>Default: one deck made of the parameters above.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<DeckConfiguration> decks = List.of();

    /**
     * The note type of the deck's notes: a built-in one ({@code term-definition}, {@code basic},
     * {@code basic-and-reversed}, {@code basic-optional-reversed}, {@code basic-type-in-answer},
     * {@code cloze}) or the name of one declared in {@code noteTypes}. A card file can choose its
     * own with a {@code #notetype: cloze} line before its header.
     *
     * <p>Default {@code term-definition}; property {@code anki.noteType}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "anki.noteType", defaultValue = "term-definition")
    private String noteType;

    /**
     * Custom note types: name, {@code kind} ({@code standard} or {@code cloze}), ordered
     * {@code fields}, {@code templates} (each a {@code name} with {@code front} and {@code back}
     * files), {@code css} file and {@code sortField}. Their ids derive from their names: keep the
     * names, fields and templates of a released note type stable (see README, "Note types").
     *
     * <p>Default: none.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<NoteTypeConfiguration> noteTypes = List.of();

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping " + goal() + ": anki.skip is true");
            return;
        }
        try {
            run();
        } catch (DeckConfigurationException e) {
            throw new MojoFailureException(goal() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException(goal() + " could not read or write the deck: " + describe(e), e);
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException(goal() + " could not read or write the deck: " + describe(e.getCause()), e);
        }
    }

    /** An I/O failure in words: the file-system exceptions' messages are often just the path. */
    static String describe(IOException e) {
        if (e instanceof AccessDeniedException denied) {
            return denied.getFile() + ": permission denied (check the permissions of the file and its directory)";
        }
        if (e instanceof NoSuchFileException missing) {
            return missing.getFile() + ": no such file";
        }
        if (e instanceof FileSystemException other) {
            return other.getFile() + ": " + (other.getReason() != null ? other.getReason() : other.getClass().getSimpleName());
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    /** The project's context key of the reports {@code anki:check} wrote in this build ({@link CheckReportFiles}). */
    protected static final String CHECK_REPORTS = "anki-maven-plugin.checkReports";

    /** Where {@code anki:check} writes its reports, and how; with what it found for each deck. */
    protected record CheckReportFiles(File sarif, File junit, String sarifPathPrefix, String pluginVersion,
            List<DeckReport> checked) {}

    /** SARIF and JUnit XML of every deck's findings. */
    protected void writeCheckReports(CheckReportFiles files, List<ConfiguredDeck> decks, List<DeckReport> reports)
            throws IOException, DeckConfigurationException {
        List<Finding> findings = reports.stream().flatMap(report -> report.findings().stream()).sorted().toList();
        if (files.sarif() != null) {
            Path base = project.getBasedir().toPath();
            SarifOptions options = SarifOptions.of(files.pluginVersion()).withCategory("anki-check/" + project.getArtifactId() + "/")
                    .withRuleSeverities(decks.get(0).request().ruleSeverities()); // <rules> is the same for every deck
            try {
                if (files.sarifPathPrefix() != null) {
                    options = options.withPathPrefix(files.sarifPathPrefix());
                } else {
                    Optional<Path> root = SarifOptions.gitRoot(base);
                    if (root.isPresent()) {
                        options = options.withProjectIn(root.get(), base);
                    }
                }
            } catch (IllegalArgumentException e) {
                throw new DeckConfigurationException("<sarifPathPrefix> " + e.getMessage());
            }
            CheckReports.writeSarif(files.sarif().toPath(), options, findings);
        }
        if (files.junit() != null) {
            Map<String, String> deckOfFile = new LinkedHashMap<>();
            for (ConfiguredDeck deck : decks) {
                deck.request().cardFiles().forEach(file -> deckOfFile.putIfAbsent(file.displayPath(), deck.request().deckName()));
            }
            JUnitOptions options = decks.size() == 1 ? JUnitOptions.forDeck(decks.get(0).request().deckName())
                    : JUnitOptions.forDecks(deckOfFile);
            CheckReports.writeJUnit(files.junit().toPath(), options, List.copyOf(deckOfFile.keySet()), findings);
        }
    }

    /** The project's context key of the warnings this plugin's goals logged in this build. */
    private static final String LOGGED_WARNINGS = "anki-maven-plugin.loggedWarnings";

    /** The goal's name for messages, such as {@code anki:check}. */
    protected abstract String goal();

    protected abstract void run() throws IOException, DeckConfigurationException, MojoFailureException;

    /** A deck to build: its request and, for packaging, its file name, classifier and previous release. */
    protected record ConfiguredDeck(DeckRequest request, String finalName, String classifier, String previousRelease) {}

    /** Where {@code anki:package} keeps the fingerprint of a deck's inputs, to skip rebuilding an unchanged deck. */
    protected Path fingerprintFile(ConfiguredDeck deck) {
        return fingerprintFile(deck.finalName());
    }

    private Path fingerprintFile(String packageName) {
        return Path.of(project.getBuild().getDirectory(), "anki-maven-plugin", packageName + ".fingerprint");
    }

    /**
     * {@link #configuredDecks}; when the configuration has an error, the packages an earlier build
     * left in {@code outputDirectory}, their release notes and fingerprints are deleted first, as
     * after any failed build: the package of each {@code <deck>} (by its file name, as far as the
     * configuration tells), or the one package without {@code <decks>}.
     */
    protected List<ConfiguredDeck> configuredDecks(Instant buildTime, String finalName, String previousRelease,
            Path outputDirectory) throws IOException, DeckConfigurationException {
        try {
            return configuredDecks(buildTime, finalName, previousRelease);
        } catch (DeckConfigurationException | RuntimeException e) {
            try {
                for (String name : packageNames(finalName)) {
                    deleteStalePackage(outputDirectory, name);
                }
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** The file names (without .apkg) of the packages, from the parameters alone; as {@link #configuredDecks} names them. */
    private List<String> packageNames(String finalName) {
        if (decks == null || decks.isEmpty()) {
            return List.of(finalName);
        }
        List<String> names = new ArrayList<>();
        for (DeckConfiguration deck : decks) {
            String classifier = deck.classifier == null || deck.classifier.isBlank() ? null : deck.classifier.strip();
            names.add(deck.finalName != null ? deck.finalName : classifier == null ? finalName : finalName + "-" + classifier);
        }
        return names;
    }

    /** Every deck's package, when one deck failed: no package may look like the result of a failed build. */
    protected void deleteStalePackages(List<ConfiguredDeck> decks, Path outputDirectory) throws IOException {
        for (ConfiguredDeck deck : decks) {
            deleteStalePackage(outputDirectory, deck.finalName());
        }
    }

    /**
     * Deletes the package {@code name}.apkg, its release notes and fingerprint an earlier build left,
     * which a failed build must not leave looking current.
     */
    protected void deleteStalePackage(Path outputDirectory, String name) throws IOException {
        PackageWriter.deleteStale(outputDirectory.resolve(name + ".apkg"));
        Files.deleteIfExists(fingerprintFile(name));
    }

    /**
     * The decks of this execution, built from {@code <decks>} or, without it, from the plugin's
     * own parameters; {@code finalName} and {@code previousRelease} are the plugin-level defaults.
     */
    protected List<ConfiguredDeck> configuredDecks(Instant buildTime, String finalName, String previousRelease)
            throws IOException, DeckConfigurationException {
        Path baseDirectory = project.getBasedir().toPath();
        Charset charset = charset();
        Severity duplicates = duplicateTermSeverity();
        Map<String, Severity> ruleSeverities = RuleSeverities.parse(rules);
        if (decks == null || decks.isEmpty()) {
            CardFiles.Found found = CardFiles.scan(baseDirectory, sourceDirectory.toPath(), includes, excludes);
            DeckRequest request = new DeckRequest(deckName, descriptionHtml(description), deckIdentity, found.cardFiles(),
                    charset, tags, NoteType.termDefinition(), duplicates, buildTime)
                    .withUnreadSpreadsheets(found.unreadSpreadsheets());
            request = completed(request, sourceDirectory, description, descriptionFile, format, fieldFormats, mediaDirectory);
            request = withNoteTypes(request, noteType).withRuleSeverities(ruleSeverities);
            return List.of(new ConfiguredDeck(request, finalName, null, previousRelease));
        }
        List<ConfiguredDeck> configured = new ArrayList<>();
        Set<String> classifiers = new HashSet<>();
        for (DeckConfiguration deck : decks) {
            if (deck.name == null || deck.name.isBlank()) {
                throw new DeckConfigurationException("every <deck> in <decks> needs a <name>");
            }
            String classifier = deck.classifier == null ? null : deck.classifier.strip();
            if (decks.size() > 1 && (classifier == null || classifier.isEmpty())) {
                throw new DeckConfigurationException("<deck> \"" + deck.name + "\" needs a <classifier>: with several decks,"
                        + " each package is attached with its own classifier");
            }
            if (classifier != null && !classifiers.add(classifier)) {
                throw new DeckConfigurationException("two decks use the <classifier> \"" + classifier + "\"; give each its own");
            }
            File source = deck.sourceDirectory != null ? resolve(deck.sourceDirectory) : sourceDirectory;
            List<String> deckTags = new ArrayList<>(tags);
            if (deck.tags != null) {
                deckTags.addAll(deck.tags);
            }
            String identity = deck.identity != null ? deck.identity : classifier == null ? deckIdentity : deckIdentity + ":" + classifier;
            String previous = deck.previousRelease != null ? deck.previousRelease
                    : previousRelease == null || classifier == null || previousRelease.split(":").length != 3 ? previousRelease
                    : previousRelease + ":" + classifier;
            // The plugin's description, plain or Markdown, is for decks that describe themselves in no way.
            boolean ownDescription = deck.description != null || deck.descriptionFile != null
                    || new File(source, "description.md").isFile();
            String plainDescription = deck.description != null ? deck.description : ownDescription ? null : description;
            CardFiles.Found found = CardFiles.scan(baseDirectory, source.toPath(),
                    deck.includes != null ? deck.includes : includes, deck.excludes != null ? deck.excludes : excludes);
            DeckRequest request = new DeckRequest(deck.name, descriptionHtml(plainDescription), identity, found.cardFiles(),
                    charset, deckTags, NoteType.termDefinition(), duplicates, buildTime)
                    .withUnreadSpreadsheets(found.unreadSpreadsheets());
            request = completed(request, source, plainDescription,
                    deck.descriptionFile != null ? resolve(deck.descriptionFile) : ownDescription ? null : descriptionFile,
                    deck.format != null ? deck.format : format, deck.fieldFormats != null ? deck.fieldFormats : fieldFormats,
                    deck.mediaDirectory != null ? resolve(deck.mediaDirectory) : mediaDirectory != null ? mediaDirectory : null);
            request = withNoteTypes(request, deck.noteType != null ? deck.noteType : noteType)
                    .withRuleSeverities(ruleSeverities);
            String name = deck.finalName != null ? deck.finalName : classifier == null ? finalName : finalName + "-" + classifier;
            configured.add(new ConfiguredDeck(request, name, classifier, previous));
        }
        // Their _ files meet in the learners' collections.
        List<DeckRequest> linked = DeckRequest.ofOneBuild(configured.stream().map(ConfiguredDeck::request).toList());
        List<ConfiguredDeck> ofOneBuild = new ArrayList<>();
        for (int i = 0; i < configured.size(); i++) {
            ConfiguredDeck deck = configured.get(i);
            ofOneBuild.add(new ConfiguredDeck(linked.get(i), deck.finalName(), deck.classifier(), deck.previousRelease()));
        }
        return ofOneBuild;
    }

    /** Adds the declared note types and the deck's default one. */
    private DeckRequest withNoteTypes(DeckRequest request, String defaultName) throws IOException, DeckConfigurationException {
        List<NoteType> custom = new ArrayList<>();
        for (NoteTypeConfiguration declared : noteTypes == null ? List.<NoteTypeConfiguration>of() : noteTypes) {
            List<NoteTypeDefinition.TemplateFiles> templateFiles = new ArrayList<>();
            for (NoteTypeConfiguration.TemplateConfiguration template : declared.templates == null
                    ? List.<NoteTypeConfiguration.TemplateConfiguration>of() : declared.templates) {
                templateFiles.add(new NoteTypeDefinition.TemplateFiles(template.name,
                        template.front == null ? null : resolve(template.front).toPath(),
                        template.back == null ? null : resolve(template.back).toPath()));
            }
            custom.add(new NoteTypeDefinition(declared.name, declared.kind, declared.fields, templateFiles,
                    declared.css == null ? null : resolve(declared.css).toPath(), declared.sortField)
                    .load(project.getBasedir().toPath()));
        }
        DeckRequest withCustom = request.withNoteTypes(request.noteType(), custom);
        NoteType chosen = withCustom.noteTypeNamed(defaultName).orElseThrow(() -> new DeckConfigurationException(
                "<noteType> \"" + defaultName + "\" is neither a built-in note type " + BuiltInNoteTypes.KEYS
                        + " nor declared in <noteTypes>"));
        return withCustom.withNoteTypes(chosen, custom);
    }

    /** Adds formats, media directory and description file to a deck's request. */
    private DeckRequest completed(DeckRequest request, File source, String plainDescription, File markdownDescription,
            String defaultFormat, Map<String, String> formats, File media) throws DeckConfigurationException {
        Map<String, FieldFormat> byField = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : (formats == null ? Map.<String, String>of() : formats).entrySet()) {
            byField.put(entry.getKey(), FieldFormat.parse(entry.getValue()));
        }
        File mediaDir = media != null ? media : new File(source, "media");
        File markdown = markdownDescription != null ? markdownDescription : new File(source, "description.md");
        if (markdownDescription != null && !markdown.isFile()) {
            throw new DeckConfigurationException("<descriptionFile> " + markdown + " does not exist");
        }
        Path baseDirectory = project.getBasedir().toPath();
        DeckRequest completed = request.withFormats(FieldFormat.parse(defaultFormat), byField)
                .withMedia(mediaDir.toPath(), CardFiles.display(baseDirectory, mediaDir.toPath()));
        if (markdown.isFile()) {
            if (plainDescription != null && !plainDescription.isBlank()) {
                throw new DeckConfigurationException("deck \"" + request.deckName() + "\" has both <description> and "
                        + CardFiles.display(baseDirectory, markdown.toPath()) + ": keep one of them");
            }
            completed = completed.withDescriptionFile(new CardFile(markdown.toPath(), CardFiles.display(baseDirectory,
                    markdown.toPath())));
        }
        return completed;
    }

    private File resolve(File file) {
        return file.isAbsolute() ? file : new File(project.getBasedir(), file.getPath());
    }

    private static String descriptionHtml(String plainText) {
        return AnkiText.escapePlainText(plainText == null ? "" : plainText);
    }

    /**
     * Writes the preview site of each deck: into {@code directory}, or with several decks into a
     * sub-directory per deck (its classifier) with an index linking them. Logs the index's path.
     */
    protected void writePreviews(List<ConfiguredDeck> decks, File directory) throws IOException, DeckConfigurationException {
        Path root = directory.toPath();
        List<PreviewSite.DeckLink> links = new ArrayList<>();
        Path index = root.resolve("index.html");
        for (ConfiguredDeck deck : decks) {
            String subdirectory = decks.size() > 1 ? deck.classifier() : null;
            DeckReport report = DeckBuilder.preview(deck.request(), subdirectory == null ? root : root.resolve(subdirectory));
            links.add(new PreviewSite.DeckLink(deck.request().deckName(), subdirectory + "/index.html", report));
        }
        if (decks.size() > 1) {
            PreviewSite.writeIndex(root, links);
        }
        int errors = links.stream().mapToInt(link -> link.report().errorCount()).sum();
        int warnings = links.stream().mapToInt(link -> link.report().warningCount()).sum();
        int cards = links.stream().mapToInt(link -> link.report().cards()).sum();
        getLog().info("Wrote the preview of " + FindingsText.count(cards, "card")
                + (errors + warnings == 0 ? "" : " (with " + FindingsText.count(errors, "error") + " and "
                        + FindingsText.count(warnings, "warning") + " beside their cards)")
                + ": open " + CardFiles.display(project.getBasedir().toPath(), index) + " in a browser");
    }

    /** Logs each deck's warnings; fails with a summary line and one {@code path:line: message} per error. */
    protected void report(List<DeckReport> reports) throws MojoFailureException {
        // In mvn package, anki:check and anki:package find the same warnings: each is listed once.
        Set<String> logged = new HashSet<>();
        if (project.getContextValue(LOGGED_WARNINGS) instanceof Collection<?> earlier) {
            earlier.forEach(line -> logged.add(String.valueOf(line)));
        }
        int repeated = 0;
        for (DeckReport report : reports) {
            for (Finding warning : report.warnings()) {
                String line = FindingsText.line(warning);
                if (logged.add(line)) {
                    getLog().warn(line);
                } else {
                    repeated += warning.problems();
                }
            }
        }
        if (repeated > 0) {
            getLog().warn(FindingsText.count(repeated, "warning") + ", as listed above");
        }
        project.setContextValue(LOGGED_WARNINGS, logged);
        if (reports.stream().anyMatch(DeckReport::hasErrors)) {
            throw new MojoFailureException(FindingsText.failure(goal(), reports));
        }
    }

    private Charset charset() throws DeckConfigurationException {
        try {
            return Charset.forName(encoding);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new DeckConfigurationException("<encoding> \"" + encoding + "\" is not an encoding this Java supports; use e.g. UTF-8");
        }
    }

    private Severity duplicateTermSeverity() throws DeckConfigurationException {
        return switch (duplicateTerms == null ? "" : duplicateTerms.strip().toLowerCase(Locale.ROOT)) {
            case "error" -> Severity.ERROR;
            case "warning" -> Severity.WARNING;
            default -> throw new DeckConfigurationException("<duplicateTerms> \"" + duplicateTerms + "\" must be error or warning");
        };
    }
}
