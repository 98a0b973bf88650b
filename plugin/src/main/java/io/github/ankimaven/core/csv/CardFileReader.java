package io.github.ankimaven.core.csv;

import io.github.ankimaven.core.DeckNames;
import io.github.ankimaven.core.format.FieldFormat;
import io.github.ankimaven.core.format.FieldProblem;
import io.github.ankimaven.core.model.BuiltInNoteTypes;
import io.github.ankimaven.core.model.CardFile;
import io.github.ankimaven.core.model.Finding;
import io.github.ankimaven.core.model.Note;
import io.github.ankimaven.core.model.NoteType;
import io.github.ankimaven.core.model.Severity;
import io.github.ankimaven.core.model.SourceLocation;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads one card file (the contract is in the README, "Card files"): optional BOM, {@code #}
 * comment lines before the header, a header naming the note type's fields plus the optional
 * {@code tags} and {@code guid} columns, then one note per record in RFC 4180 syntax.
 *
 * <p>Every problem becomes a {@link Finding} at the line where its record starts; a row with a
 * problem is reported, never dropped silently, and never passed on as a note.
 */
public final class CardFileReader {

    public static final String TAGS_COLUMN = "tags";
    public static final String GUID_COLUMN = "guid";
    public static final String DECK_COLUMN = "deck";
    private static final String DECK_DIRECTIVE = "#deck:";
    private static final String NOTE_TYPE_DIRECTIVE = "#notetype:";
    private static final int MAX_ENCODING_FINDINGS = 20;
    // As long as the reader's buffer (64 Ki chars): a longer mark would make the reader replace its
    // buffer with one that long, kept for the whole file and copied by every young collection.
    private static final int HEADER_LOOKAHEAD = 1 << 16;
    /** Rows of malformed CSV after which a file is no longer read (likely another format altogether). */
    private static final int MAX_MALFORMED_ROWS = 20;
    private static final String TEXT_AFTER_QUOTE = "Invalid character between encapsulated token and delimiter";

    private final NoteType defaultNoteType;
    private final Function<String, Optional<NoteType>> noteTypes;
    private final Charset charset;
    private final String rootDeck;
    // Anki's deck names ignore case: the first spelling of each (case-folded) name, with where it was written.
    private final Map<String, SourceLocation> deckSpellings = new HashMap<>();
    private final Map<String, String> deckSpellingByKey = new HashMap<>();

    /** A reader of files that all have the same note type. */
    public CardFileReader(NoteType noteType, Charset charset, String rootDeck) {
        this(noteType, name -> Optional.empty(), charset, rootDeck);
    }

    /**
     * @param noteTypes finds the note type a file names in a {@code #notetype:} line
     * @param rootDeck the deck's name: rows go to it or to its subdecks
     */
    public CardFileReader(NoteType defaultNoteType, Function<String, Optional<NoteType>> noteTypes, Charset charset,
            String rootDeck) {
        this.defaultNoteType = defaultNoteType;
        this.noteTypes = noteTypes;
        this.charset = charset;
        this.rootDeck = rootDeck;
    }

    /** Reads {@code file}, passing each valid row to {@code notes} and each problem to {@code findings}. */
    public void read(CardFile file, NoteConsumer notes, Consumer<Finding> findings) throws IOException {
        // UTF-8 (the usual case) is validated as the parser reads; other encodings in a pass before.
        Utf8Validator validator = charset.equals(StandardCharsets.UTF_8) ? new Utf8Validator(MAX_ENCODING_FINDINGS) : null;
        if (validator == null) {
            reportEncoding(file, EncodingScanner.invalidLines(file.path(), charset, MAX_ENCODING_FINDINGS), findings);
        }
        var decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        InputStream in = fileBytes(file);
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(validator == null ? in : validator.checking(in), decoder), 1 << 16)) {
            readRecords(file, reader, notes, findings);
            if (validator != null) {
                char[] rest = new char[1 << 16];
                while (reader.read(rest) >= 0) {
                    // the rows after a fatal problem are not parsed, but their bytes are still checked
                }
            }
        }
        if (validator != null) {
            reportEncoding(file, validator.invalidLines(), findings);
        }
    }

    /**
     * The file's bytes for the decoder, read 64 KiB at a time. {@code available()} answers 0: a
     * file never blocks, and the decoder asks after every 8 KiB it decodes, which a file channel
     * answers with two system calls (4 % of the reading thread's time for a 250 MB deck).
     */
    private static InputStream fileBytes(CardFile file) throws IOException {
        return unbufferedAvailable(Files.newInputStream(file.path()));
    }

    private static InputStream unbufferedAvailable(InputStream in) {
        return new FilterInputStream(new BufferedInputStream(in, 1 << 16)) {
            @Override
            public int available() {
                return 0;
            }
        };
    }

    private void reportEncoding(CardFile file, InvalidLines invalidLines, Consumer<Finding> findings) {
        String fix = "save the file as " + charset.name() + " or set <encoding> to the file's encoding";
        for (int line : invalidLines.listed()) {
            findings.accept(Finding.error(new SourceLocation(file.displayPath(), line), "encoding",
                    "bytes that are not valid " + charset.name() + "; " + fix));
        }
        int more = invalidLines.total() - invalidLines.listed().size();
        if (more > 0) {
            findings.accept(new Finding(Severity.ERROR, new SourceLocation(file.displayPath(), invalidLines.firstUnlisted()),
                    "encoding", more + " more " + (more == 1 ? "line" : "lines") + " with bytes that are not valid "
                            + charset.name() + ", from here on, " + (more == 1 ? "is" : "are") + " not listed ("
                            + invalidLines.total() + " in all): " + fix, more));
        }
    }

    private void readRecords(CardFile file, BufferedReader reader, NoteConsumer notes, Consumer<Finding> findings)
            throws IOException {
        skipByteOrderMark(reader);
        List<String> comments = new ArrayList<>();
        int linesBeforeHeader = skipCommentLines(reader, comments);
        if (linesBeforeHeader < 0) {
            findings.accept(Finding.error(new SourceLocation(file.displayPath(), comments.size() + 1), "missing-header",
                    "the first line after the comments has " + HEADER_LOOKAHEAD + " characters or more, so it is no header"
                            + " naming the columns: is this a card file? (a header looks like " + expectedHeaderExample(
                                    defaultNoteType) + ")"));
            return;
        }
        warnAboutDirectivesNotRead(file, comments, findings);
        String fileDeck = fileDeck(file, comments, findings);
        NoteType noteType = fileNoteType(file, comments, findings);
        if (noteType == null) {
            return;
        }
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(file.delimiter())
                .setIgnoreEmptyLines(false)
                .setTrim(false)
                .get();
        // Not closed here: closing it would close the reader, which the caller still drains.
        CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get();
        FileParse parse = new FileParse(file, noteType, fileDeck, notes, findings);
        Malformed malformed = parse.run(parser, linesBeforeHeader);
        LineSkipper lines = malformed == null ? null : LineSkipper.of(file.path(), charset);
        for (int malformedRows = 1; malformed != null; malformedRows++) {
            // Reading goes on at the next line only if no quoted cell is left open there.
            boolean resume = lines != null && lines.quotesPairUp(malformed.recordLine(), malformed.errorLine() + 1);
            findings.accept(Finding.error(new SourceLocation(file.displayPath(), malformed.recordLine()), "malformed-csv",
                    textAfterQuote(resume)));
            if (!resume || lines.ended()) {
                return;
            }
            if (malformedRows == MAX_MALFORMED_ROWS) {
                findings.accept(Finding.error(new SourceLocation(file.displayPath(), malformed.errorLine() + 1), "malformed-csv",
                        "the rows from here on are not checked: the file has " + MAX_MALFORMED_ROWS + " rows of malformed CSV before"
                                + " this line; is it a CSV file with another separator or quoting?"));
                return;
            }
            try (BufferedReader rest = lines.reader()) {
                malformed = parse.run(CSVParser.builder().setReader(rest).setFormat(format).get(), malformed.errorLine());
            }
        }
    }

    private static String textAfterQuote(boolean readOn) {
        return "text after a closing quote: a quoted cell must end right after its closing \" (write a quote inside a quoted"
                + " cell as \"\")" + (readOn ? "" : "; the rows after it are checked once it is fixed");
    }

    /** A row with text after a closing quote, the one problem after which reading can go on. */
    private record Malformed(int recordLine, int errorLine) {}

    /**
     * Where a card file's lines start, found in its bytes and going forward only, so that reading
     * can go on after a row the parser cannot get past (Commons CSV cannot resume by itself) without
     * reading the file again from its start. Lines end at CR, LF or CRLF, as the parser counts them.
     * The bytes are read as code units: one byte in the encodings where CR, LF and '"' are single
     * bytes that no other character's bytes contain (UTF-8, ASCII, ISO-8859-*, windows-125*), two
     * in UTF-16 (Excel's "Unicode Text"), where every character is one or two such units.
     */
    private static final class LineSkipper {
        private final Path path;
        private final int unit; // bytes per code unit
        private final boolean bigEndian;
        private final Charset resumeCharset; // decodes from the middle of the file, after any byte order mark
        private long offset; // where line starts
        private int line = 1;
        private boolean ended;

        private LineSkipper(Path path, int unit, boolean bigEndian, Charset resumeCharset) {
            this.path = path;
            this.unit = unit;
            this.bigEndian = bigEndian;
            this.resumeCharset = resumeCharset;
        }

        /** A skipper for the file, or null when its encoding has no code units to find line ends in. */
        static LineSkipper of(Path path, Charset charset) throws IOException {
            String name = charset.name();
            if (charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.US_ASCII)
                    || name.startsWith("ISO-8859-") || name.startsWith("windows-125")) {
                return new LineSkipper(path, 1, false, charset);
            }
            if (charset.equals(StandardCharsets.UTF_16BE)) {
                return new LineSkipper(path, 2, true, charset);
            }
            if (charset.equals(StandardCharsets.UTF_16LE)) {
                return new LineSkipper(path, 2, false, charset);
            }
            if (charset.equals(StandardCharsets.UTF_16)) {
                // Big-endian unless a byte order mark says otherwise, as Java's UTF-16 decoder reads it.
                boolean littleEndian;
                try (InputStream in = Files.newInputStream(path)) {
                    byte[] mark = in.readNBytes(2);
                    littleEndian = mark.length == 2 && (mark[0] & 0xff) == 0xff && (mark[1] & 0xff) == 0xfe;
                }
                return new LineSkipper(path, 2, !littleEndian, littleEndian ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE);
            }
            return null;
        }

        /** Whether {@link #quotesPairUp} met the end of the file before the line it was to move to. */
        boolean ended() {
            return ended;
        }

        /**
         * Moves to the start of {@code toLine} (or the end of the file); whether the quotes from the
         * start of {@code fromLine} up to there pair up, so that no quoted cell is open there.
         */
        boolean quotesPairUp(int fromLine, int toLine) throws IOException {
            int quotes = 0;
            boolean afterCr = false;
            boolean afterHighSurrogate = false;
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
                ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
                long position = offset;
                long size = channel.size();
                scan:
                while (position < size) {
                    buffer.clear();
                    int read = channel.read(buffer, position);
                    if (read < 0 || read < unit && position + read >= size) {
                        break; // the end, or an odd byte at the end of a UTF-16 file
                    }
                    int whole = read - read % unit; // an odd byte left over is read again with the next ones
                    for (int i = 0; i < whole; i += unit) {
                        int c = unit == 1 ? buffer.get(i) & 0xff
                                : bigEndian ? (buffer.get(i) & 0xff) << 8 | buffer.get(i + 1) & 0xff
                                : (buffer.get(i + 1) & 0xff) << 8 | buffer.get(i) & 0xff;
                        if (afterCr) {
                            afterCr = false;
                            if (c == '\n') { // the LF of a CRLF
                                offset = position + i + unit;
                                continue;
                            }
                        }
                        if (line >= toLine) {
                            break scan;
                        }
                        if (afterHighSurrogate) {
                            // The decoder takes the unit after a high surrogate with it, as the pair's low
                            // half or as part of one malformed character: the parser never sees it.
                            afterHighSurrogate = false;
                        } else if (c == '\n' || c == '\r') {
                            line++;
                            offset = position + i + unit;
                            afterCr = c == '\r';
                        } else if (c == '"') {
                            quotes += line >= fromLine ? 1 : 0;
                        } else {
                            afterHighSurrogate = unit == 2 && Character.isHighSurrogate((char) c);
                        }
                    }
                    position += whole;
                }
            }
            ended = line < toLine;
            // At the end of the file, with the quotes paired, there is simply nothing more to read.
            return quotes % 2 == 0;
        }

        /** The file from the start of the line {@link #quotesPairUp} moved to. The bytes were validated in the first reading. */
        BufferedReader reader() throws IOException {
            var decoder = resumeCharset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            InputStream in = Files.newInputStream(path);
            try {
                in.skipNBytes(offset);
            } catch (IOException | RuntimeException e) {
                in.close();
                throw e;
            }
            return new BufferedReader(new InputStreamReader(unbufferedAvailable(in), decoder), 1 << 16);
        }
    }

    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    /**
     * Skips blank lines and {@code #} comments before the header, collecting them (blank lines as
     * empty strings, so the list index is the line number - 1); returns how many lines it skipped,
     * or -1 when the line after them is too long to be a header.
     */
    private static int skipCommentLines(BufferedReader reader, List<String> comments) throws IOException {
        int skipped = 0;
        while (true) {
            // Each line is looked at as far as needed, then gone back to: a comment or blank line is
            // then read whole (whatever its length), the header is left for the parser.
            reader.mark(HEADER_LOOKAHEAD);
            boolean blank = true;
            int c;
            int read = 0;
            while ((c = reader.read()) >= 0 && c != '\n' && c != '\r' && read < HEADER_LOOKAHEAD) {
                read++;
                if (blank && !Character.isWhitespace(c)) {
                    blank = false;
                    if (read == 1 && c == '#') {
                        break; // a comment
                    }
                }
            }
            if (read >= HEADER_LOOKAHEAD) {
                return -1; // the mark is gone: the reader cannot go back to the line's start
            }
            boolean comment = read == 1 && c == '#';
            reader.reset();
            if ((c < 0 && read == 0) || !(blank || comment)) {
                return skipped; // the end of the file, or the header
            }
            comments.add(reader.readLine());
            skipped++;
        }
    }

    private static final Pattern SPACED_DIRECTIVE = Pattern.compile("#\\s+(deck|notetype)\\s*:.*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ANKI_HEADER = Pattern.compile(
            "#(separator|html|tags|columns|guid column|notetype column|deck column|tags column|if matches)\\s*:.*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /**
     * Lines before the header that look like settings but are comments here: a directive with a
     * space after "#", or one of the headers of Anki's own text import, which this plugin does not
     * read. Without a word, the author would think it applied.
     */
    private static void warnAboutDirectivesNotRead(CardFile file, List<String> comments, Consumer<Finding> findings) {
        for (int i = 0; i < comments.size(); i++) {
            String comment = comments.get(i).strip();
            SourceLocation at = new SourceLocation(file.displayPath(), i + 1);
            Matcher spaced = SPACED_DIRECTIVE.matcher(comment);
            Matcher anki = ANKI_HEADER.matcher(comment);
            if (spaced.matches()) {
                String key = spaced.group(1).toLowerCase(Locale.ROOT);
                findings.accept(Finding.warning(at, "directive", "\"" + comment.substring(0, comment.indexOf(':') + 1)
                        + "\" is a comment (a space follows \"#\"), so it sets nothing: write #" + key + ": to set the file's "
                        + (key.equals("deck") ? "deck" : "note type")));
            } else if (anki.matches() && !separatorAgrees(file, comment)) {
                String key = anki.group(1).toLowerCase(Locale.ROOT);
                String instead = switch (key) {
                    case "separator" -> "the file's extension sets the separator (.csv: comma, .tsv: tab)";
                    case "html" -> "<format> and <fieldFormats> set how fields are read";
                    case "tags" -> "put the tags in a tags column, or in <tags> for every note";
                    case "columns" -> "the first line after the comments is the header that names the columns";
                    case "if matches" -> "releases update changed notes by themselves (README, \"Releases\")";
                    default -> "name the column guid, deck or tags in the header, and set a file's note type with #notetype:";
                };
                findings.accept(Finding.warning(at, "directive", "#" + key + ": is a header of Anki's own text import,"
                        + " which this plugin does not read: " + instead));
            }
        }
    }

    /** Whether a {@code #separator:} line names the separator the file's extension gives anyway. */
    private static boolean separatorAgrees(CardFile file, String comment) {
        if (!comment.toLowerCase(Locale.ROOT).startsWith("#separator")) {
            return false;
        }
        String value = comment.substring(comment.indexOf(':') + 1).strip().toLowerCase(Locale.ROOT);
        return file.delimiter() == ',' ? value.equals("comma") || value.equals(",") : value.equals("tab") || value.isEmpty();
    }

    /** The file's note type: a {@code #notetype: cloze} line before the header, else the deck's; null when unknown. */
    private NoteType fileNoteType(CardFile file, List<String> comments, Consumer<Finding> findings) {
        NoteType noteType = defaultNoteType;
        for (int i = 0; i < comments.size(); i++) {
            String comment = comments.get(i);
            if (comment.regionMatches(true, 0, NOTE_TYPE_DIRECTIVE, 0, NOTE_TYPE_DIRECTIVE.length())) {
                String name = comment.substring(NOTE_TYPE_DIRECTIVE.length()).strip();
                Optional<NoteType> named = noteTypes.apply(name);
                if (named.isEmpty()) {
                    findings.accept(Finding.error(new SourceLocation(file.displayPath(), i + 1), "note-type",
                            "unknown note type \"" + name + "\": use one of " + BuiltInNoteTypes.KEYS
                                    + " or the name of a note type declared in <noteTypes>"));
                    return null;
                }
                noteType = named.get();
            }
        }
        return noteType;
    }

    /** The file's default deck: a {@code #deck: Subdeck} line before the header, else the deck itself. */
    private String fileDeck(CardFile file, List<String> comments, Consumer<Finding> findings) {
        String deck = rootDeck;
        for (int i = 0; i < comments.size(); i++) {
            String comment = comments.get(i);
            if (comment.regionMatches(true, 0, DECK_DIRECTIVE, 0, DECK_DIRECTIVE.length())) {
                String value = comment.substring(DECK_DIRECTIVE.length());
                String problem = value.isBlank() ? "is empty" : DeckNames.problem(value.strip());
                if (problem != null) {
                    findings.accept(Finding.error(new SourceLocation(file.displayPath(), i + 1), "deck",
                            "deck \"" + value.strip() + "\" " + problem));
                } else {
                    deck = checkedSpelling(DeckNames.subdeck(rootDeck, value), new SourceLocation(file.displayPath(), i + 1),
                            findings);
                }
            }
        }
        return deck;
    }

    /**
     * The deck name, after checking that every level of it is spelt as where it first appeared:
     * Anki matches deck names ignoring case, so "Verbs" and "verbs" would become one deck and a
     * second named "Verbs_". Names arrive in NFC (as Anki stores them).
     */
    private String checkedSpelling(String deck, SourceLocation at, Consumer<Finding> findings) {
        if (deckSpellings.containsKey(deck)) {
            return deck; // the usual case: a spelling seen before, so each of its levels is too
        }
        List<String> levels = new ArrayList<>();
        for (int end = deck.indexOf("::"); ; end = deck.indexOf("::", end + 2)) {
            String level = end < 0 ? deck : deck.substring(0, end);
            String first = deckSpellingByKey.get(caseKey(level));
            if (first != null && !first.equals(level)) {
                // Not recorded, so every row spelt so is reported.
                findings.accept(Finding.error(at, "deck", "deck \"" + level + "\" differs from \"" + first + "\" ("
                        + deckSpellings.get(first) + ") only in case: Anki takes them for one deck and makes a second one"
                        + " named \"" + level + "_\"; write \"" + first + "\""));
                return deck;
            }
            levels.add(level);
            if (end < 0) {
                break;
            }
        }
        for (String level : levels) {
            deckSpellingByKey.putIfAbsent(caseKey(level), level);
            deckSpellings.putIfAbsent(level, at);
        }
        return deck;
    }

    /** A deck name as Anki compares it: case folded. */
    private static String caseKey(String deck) {
        return deck.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    /** The state of reading one file, which may take several parsers (see {@link LineSkipper}). */
    private final class FileParse {
        private final CardFile file;
        private final char delimiter;
        private final NoteType noteType;
        private final String fileDeck;
        private final NoteConsumer notes;
        private final Consumer<Finding> findings;
        private boolean headerSeen;
        private int[] fieldColumns;
        private int deckColumn = -1;
        private int tagsColumn = -1;
        private int guidColumn = -1;
        private int columnCount;
        private String[] headerNames;
        private Set<String> fieldsWithoutColumn = Set.of();
        private final KnownTags knownTags = new KnownTags();
        private String[] tagScratch = new String[4];

        FileParse(CardFile file, NoteType noteType, String fileDeck, NoteConsumer notes, Consumer<Finding> findings) {
            this.file = file;
            this.delimiter = file.delimiter();
            this.noteType = noteType;
            this.fileDeck = fileDeck;
            this.notes = notes;
            this.findings = findings;
        }

        /**
         * Reads records from {@code parser}, whose first line is line {@code lineOffset + 1} of the
         * file; returns the row with text after a closing quote that stopped the parser (not yet
         * reported: whether reading can go on after it decides the message), or null when the file
         * is done.
         */
        Malformed run(CSVParser parser, int lineOffset) throws IOException {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                int startLine = lineOffset + (int) parser.getCurrentLineNumber() + 1;
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    String detail = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
                            : e.getMessage();
                    // Text after a closing quote: the next line may well start a row. Other problems
                    // (an unterminated quote) leave nothing to go on with.
                    if (headerSeen && detail != null && detail.contains(TEXT_AFTER_QUOTE)) {
                        // In the middle of a line, the parser's line number is that line's (it counts the line begun).
                        return new Malformed(startLine, lineOffset + (int) parser.getCurrentLineNumber());
                    }
                    error(startLine, "malformed-csv", describeParseError(detail));
                    return null;
                }
                if (isBlankLine(record)) {
                    continue;
                }
                if (!headerSeen) {
                    headerSeen = true;
                    if (!readHeader(record, startLine)) {
                        return null;
                    }
                } else {
                    readRow(record, startLine);
                }
            }
            if (!headerSeen) {
                error(lineOffset + 1, "missing-header", "missing header: the first line that is not a # comment must name the columns, e.g. "
                        + expectedHeaderExample(noteType));
            }
            return null;
        }

        private boolean readHeader(CSVRecord header, int line) {
            columnCount = header.size();
            fieldColumns = new int[noteType.fields().size()];
            Arrays.fill(fieldColumns, -1);
            headerNames = new String[header.size()];
            if (header.stream().anyMatch(name -> name.indexOf('\u0000') >= 0)) {
                error(line, "header", "the header is full of NUL characters, as a UTF-16 file is (Excel's \"Unicode Text\"):"
                        + " save the file as UTF-8, or set <encoding>UTF-16</encoding>");
                return false;
            }
            Map<String, Integer> seen = new HashMap<>();
            boolean ok = true;
            for (int column = 0; column < header.size(); column++) {
                String name = stripSpaces(header.get(column));
                headerNames[column] = name;
                Integer previous = name.isEmpty() ? null : seen.putIfAbsent(name.toLowerCase(Locale.ROOT), column);
                if (previous != null) {
                    error(line, "header", "column \"" + name + "\" appears twice (columns " + (previous + 1) + " and "
                            + (column + 1) + ")");
                    ok = false;
                    continue;
                }
                int field = noteType.fieldIndex(name);
                if (field >= 0) {
                    fieldColumns[field] = column;
                } else if (name.equalsIgnoreCase(TAGS_COLUMN)) {
                    tagsColumn = column;
                } else if (name.equalsIgnoreCase(GUID_COLUMN)) {
                    guidColumn = column;
                } else if (name.equalsIgnoreCase(DECK_COLUMN)) {
                    deckColumn = column;
                } else {
                    error(line, "header", (name.isEmpty() ? "empty column name" : "unknown column \"" + name + "\"")
                            + " (column " + (column + 1) + "); expected columns: " + expectedColumns(noteType)
                            + (header.size() == 1 ? separatorHint(name) : ""));
                    ok = false;
                }
            }
            boolean otherSeparator = header.size() == 1 && !separatorHint(headerNames[0]).isEmpty();
            if (fieldColumns[noteType.sortFieldIndex()] < 0 && !otherSeparator) { // one error for one mistake
                error(line, "header", "missing column \"" + noteType.sortField() + "\" (the term); expected columns: "
                        + expectedColumns(noteType));
                ok = false;
            }
            Set<String> withoutColumn = new HashSet<>();
            for (int field = 0; ok && field < fieldColumns.length; field++) {
                if (fieldColumns[field] < 0 && field != noteType.sortFieldIndex()) {
                    withoutColumn.add(noteType.fields().get(field));
                    findings.accept(Finding.warning(new SourceLocation(file.displayPath(), line), "header",
                            "no column \"" + noteType.fields().get(field) + "\": every note of this file leaves it empty, and"
                                    + " makes no card that needs it"));
                }
            }
            fieldsWithoutColumn = Set.copyOf(withoutColumn);
            return ok;
        }

        private void readRow(CSVRecord record, int line) throws IOException {
            if (isHeaderAgain(record)) {
                error(line, "header", "this row repeats the header (were two files pasted together?): delete it");
                return;
            }
            int spacedQuote = cellWithSpaceBeforeQuote(record);
            if (record.size() != columnCount) {
                if (spacedQuote >= 0) { // the likely cause, more useful than the count
                    error(line, "malformed-csv", "a space before the quote of cell " + (spacedQuote + 1) + ": a quote opens a"
                            + " quoted cell only right after the separator, so this one is text and a separator after it"
                            + " splits the cell (the row has " + record.size() + " cells, the header " + columnCount
                            + " columns); remove the space before the quote");
                } else {
                    error(line, "cell-count", "row has " + record.size() + " " + plural(record.size(), "cell")
                            + " but the header has " + columnCount + " " + plural(columnCount, "column")
                            + "; quote cells that contain the separator, a quote or a line break (\"like, this\")");
                }
                return;
            }
            if (spacedQuote >= 0) {
                // The cell may be meant so (a quoted " ""hi"" there" with a quoted cell after it), so a warning.
                findings.accept(Finding.warning(new SourceLocation(file.displayPath(), line), "malformed-csv", "cell "
                        + (spacedQuote + 1) + " (column \"" + headerNames[spacedQuote] + "\") starts with a space and a quote,"
                        + " so its quotes are text: a quote opens a quoted cell only right after the separator; remove the"
                        + " space before the quote if the cell was meant to be quoted"));
            }
            int[] cellLines = new int[record.size()];
            cellLines[0] = line;
            for (int column = 1; column < record.size(); column++) { // the last cell's breaks move no cell
                cellLines[column] = cellLines[column - 1] + lineBreaks(record.get(column - 1));
            }
            int swallowing = cellOfRows(record);
            if (swallowing >= 0) {
                int breaks = lineBreaks(record.get(swallowing));
                findings.accept(Finding.warning(new SourceLocation(file.displayPath(), cellLines[swallowing]), "quoted-rows",
                        "cell " + (swallowing + 1) + " (column \"" + headerNames[swallowing] + "\") is quoted and goes on"
                                + " over lines " + (cellLines[swallowing] + 1) + "–" + (cellLines[swallowing] + breaks)
                                + ", each shaped like a row of its own: if this cell's closing quote is missing, those rows"
                                + " are text of this cell, not notes; close the quote where the cell ends"));
            }
            // Arrays made into lists once (List.of keeps one or two items without an array): this runs for every row.
            String[] fieldArray = new String[fieldColumns.length];
            Integer[] lineArray = new Integer[fieldColumns.length];
            Integer rowLine = line; // boxed once: most cells start on the row's line
            for (int field = 0; field < fieldColumns.length; field++) {
                int cellLine = fieldColumns[field] < 0 ? line : cellLines[fieldColumns[field]];
                lineArray[field] = cellLine == line ? rowLine : Integer.valueOf(cellLine);
                fieldArray[field] = fieldColumns[field] < 0 ? "" : normalizeLineBreaks(record.get(fieldColumns[field]));
            }
            List<String> fields = List.of(fieldArray);
            List<Integer> fieldLines = List.of(lineArray);
            if (fields.get(noteType.sortFieldIndex()).isBlank()) {
                error(line, "empty-term", "empty " + noteType.sortField() + ": every note needs a term");
                // Rendering reports control characters, and this row is not rendered: one run shows every problem.
                for (int field = 0; field < fields.size(); field++) {
                    FieldProblem removed = FieldFormat.controlCharacter(fields.get(field));
                    if (removed != null) {
                        findings.accept(removed.at(new SourceLocation(file.displayPath(), fieldLines.get(field)),
                                noteType.fields().get(field)));
                    }
                }
                return;
            }
            // A row with a bad tag or guid still takes part in the other checks, so that one run
            // shows every problem; the error keeps it out of any package.
            List<String> tags = tagsColumn < 0 ? List.of() : parseTags(record.get(tagsColumn), line);
            String guid = guidColumn < 0 ? null : record.get(guidColumn).strip();
            if (guid != null && guid.isEmpty()) {
                guid = null;
            }
            if (guid != null && !isValidGuid(guid)) {
                error(line, "guid", "guid \"" + guid + "\" must be 1 to 64 printable ASCII characters without spaces");
                guid = null;
            }
            notes.accept(new Note(noteType, new SourceLocation(file.displayPath(), line), fields, tags, guid,
                    deckOf(record, line), fieldLines, fieldsWithoutColumn));
        }

        /** The row's deck: its {@code deck} cell as a subdeck, else the file's default deck. */
        private String deckOf(CSVRecord record, int line) {
            String cell = deckColumn < 0 ? "" : record.get(deckColumn).strip();
            if (cell.isEmpty()) {
                return fileDeck;
            }
            String problem = DeckNames.problem(cell);
            if (problem != null) {
                error(line, "deck", "deck \"" + cell + "\" " + problem);
                return fileDeck;
            }
            return checkedSpelling(DeckNames.subdeck(rootDeck, cell), new SourceLocation(file.displayPath(), line), findings);
        }

        /** Splits a tags cell, reporting (and leaving out) tags Anki cannot store. */
        private List<String> parseTags(String cell, int line) {
            if (cell.isEmpty()) {
                return List.of();
            }
            int count = 0;
            String stripped = cell.strip();
            for (int start = 0, end; start < stripped.length(); start = end + 1) {
                end = start;
                while (end < stripped.length() && !isTagSeparator(stripped.charAt(end))) {
                    end++;
                }
                if (end == start) {
                    continue;
                }
                String tag = knownTags.find(stripped, start, end);
                if (tag == null) {
                    tag = stripped.substring(start, end);
                    String problem = TagRules.problem(tag);
                    if (problem != null) {
                        error(line, "tag", "tag \"" + TagRules.printable(tag) + "\" " + problem);
                        continue;
                    }
                    String hint = TagRules.hint(tag);
                    if (hint != null) {
                        findings.accept(Finding.warning(new SourceLocation(file.displayPath(), line), "tag",
                                "tag \"" + tag + "\" " + hint));
                    } else {
                        knownTags.add(tag);
                    }
                }
                if (count == tagScratch.length) {
                    tagScratch = Arrays.copyOf(tagScratch, count * 2);
                }
                tagScratch[count++] = tag;
            }
            // Lists of one to three tags without a list to build them in: this runs for every row.
            return switch (count) {
                case 0 -> List.of();
                case 1 -> List.of(tagScratch[0]);
                case 2 -> List.of(tagScratch[0], tagScratch[1]);
                case 3 -> List.of(tagScratch[0], tagScratch[1], tagScratch[2]);
                default -> List.of(Arrays.copyOf(tagScratch, count));
            };
        }

        /**
         * The first quoted cell whose text runs over at least two more lines (three with two
         * columns) that are each shaped like a row, or -1: what a missing closing quote does when a
         * later quote happens to stand right before a separator or a line end (say the inch sign of
         * {@code 3.5"}): the rows in between become text of the cell, with no parse error. Shaped
         * like a row: a term before the first separator, as many separators as the header (the last
         * line with the record's cells after the quote) and none followed by a space, as prose has
         * them. The first line holds at least the separators the rest of its row needs. The cell
         * has no quote: one in those rows would have ended it, or failed.
         */
        private int cellOfRows(CSVRecord record) {
            for (int column = 0; column < record.size(); column++) {
                String cell = record.get(column);
                if (lineBreaks(cell) < 2 || cell.indexOf('"') >= 0) {
                    continue;
                }
                // Lines are scanned in place: multi-line cells are common, and this runs for each.
                int after = record.size() - 1 - column; // cells after this one: on its last line
                int rows = 0;
                int end = lineEnd(cell, 0);
                boolean shaped = separators(cell, 0, end) >= after;
                for (int start = nextLine(cell, end); shaped && start >= 0; start = nextLine(cell, end)) {
                    end = lineEnd(cell, start);
                    if (TagRules.isBlank(cell, start, end)) {
                        continue;
                    }
                    int first = indexOf(cell, delimiter, start, end);
                    boolean last = end == cell.length();
                    // A term first; in the first column, the last line is the term the quote closes.
                    boolean term = first > start ? !TagRules.isBlank(cell, start, first) : first < 0 && last;
                    shaped = term && !separatorBeforeSpace(cell, start, end)
                            && separators(cell, start, end) + (last ? after : 0) == columnCount - 1;
                    rows++;
                }
                // With two columns a row's shape is one separator, which prose has often: ask for more rows.
                if (shaped && rows >= (columnCount > 2 ? 2 : 3)) {
                    return column;
                }
            }
            return -1;
        }

        /** Prose puts a space after a comma ("Example: a, b, c"); rows rarely do. */
        private boolean separatorBeforeSpace(String text, int start, int end) {
            for (int at = indexOf(text, delimiter, start, end); at >= 0; at = indexOf(text, delimiter, at + 1, end)) {
                if (at + 1 < end && text.charAt(at + 1) == ' ') {
                    return true;
                }
            }
            return false;
        }

        private int separators(String text, int start, int end) {
            int count = 0;
            for (int at = indexOf(text, delimiter, start, end); at >= 0; at = indexOf(text, delimiter, at + 1, end)) {
                count++;
            }
            return count;
        }

        /**
         * The first cell that starts with spaces and a quote meant to open a quoted cell, or -1: its
         * text, or a later cell's, ends with a quote too (what the closing quote became). A quoted
         * {@code " ""hi"" is informal"} starts so too, but nothing after it ends with a quote.
         */
        private static int cellWithSpaceBeforeQuote(CSVRecord record) {
            for (int column = 0; column < record.size(); column++) {
                String cell = record.get(column);
                if (!cell.isEmpty() && (cell.charAt(0) == ' ' || cell.charAt(0) == '\t') && cell.strip().startsWith("\"")) {
                    for (int rest = column; rest < record.size(); rest++) {
                        String end = record.get(rest).strip();
                        if (end.endsWith("\"") && (rest > column || end.length() > 1)) {
                            return column;
                        }
                    }
                }
            }
            return -1;
        }

        /** Why a header is one column: another separator than the file's extension gives, or "". */
        private String separatorHint(String name) {
            if (name.indexOf(';') > 0) { // Excel's "CSV" where the comma is the decimal mark
                return "; the file seems to be separated by semicolons: card files are separated by commas (.csv) or tabs"
                        + " (.tsv), so save it with commas";
            }
            if (file.delimiter() == '\t' && name.indexOf(',') > 0) {
                return "; the file seems to be separated by commas: name it .csv";
            }
            if (file.delimiter() == ',' && name.indexOf('\t') > 0) {
                return "; the file seems to be separated by tabs: name it .tsv";
            }
            return "";
        }

        /**
         * Whether a row is the header again, as written (a BOM of a second file before it, too): two
         * files pasted together. Case counts, and a header of one column is left alone, so that a
         * note "word" in a file with the column "Word" is a note.
         */
        private boolean isHeaderAgain(CSVRecord record) {
            if (columnCount < 2 || record.size() != columnCount || !sameName(record.get(0), headerNames[0])) {
                return false;
            }
            for (int column = 1; column < columnCount; column++) {
                if (!sameName(record.get(column), headerNames[column])) {
                    return false;
                }
            }
            return true;
        }

        private static boolean sameName(String cell, String name) {
            String stripped = cell.startsWith("\uFEFF") ? cell.substring(1) : cell;
            return stripped.length() >= name.length() && stripSpaces(stripped).equals(name);
        }

        private void error(int line, String rule, String message) {
            findings.accept(Finding.error(new SourceLocation(file.displayPath(), line), rule, message));
        }

        private String describeParseError(String detail) {
            if (detail != null && detail.contains("EOF reached before encapsulated token finished")) {
                return "unterminated quoted cell: a cell that starts with \" must end with \" (write a quote inside a quoted cell as \"\")";
            }
            // The parser cannot go on after these, so the rows after it are not checked: say so.
            if (detail != null && detail.contains(TEXT_AFTER_QUOTE)) {
                return textAfterQuote(false); // before the header: nothing to read on with
            }
            return "malformed CSV: " + detail + "; the rows after it are checked once it is fixed";
        }
    }

    /** What separates tags: ASCII whitespace (Anki splits on it) and the ideographic space. */
    private static boolean isTagSeparator(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r' || c == '\u3000';
    }

    /** A blank line, or a row of empty cells (what a spreadsheet saves for an empty row: ",,"). */
    private static boolean isBlankLine(CSVRecord record) {
        for (int column = 0; column < record.size(); column++) {
            if (!record.get(column).isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The text without surrounding whitespace, no-break spaces included (a header cell copied from a web page). */
    private static String stripSpaces(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Where the line starting at {@code start} ends: its line break, or the text's end. */
    private static int lineEnd(String text, int start) {
        int end = start;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        return end;
    }

    /** Where the line after the one ending at {@code end} starts, or -1 at the text's end. */
    private static int nextLine(String text, int end) {
        if (end >= text.length()) {
            return -1;
        }
        return text.charAt(end) == '\r' && end + 1 < text.length() && text.charAt(end + 1) == '\n' ? end + 2 : end + 1;
    }

    private static int indexOf(String text, char c, int start, int end) {
        for (int i = start; i < end; i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /** Line breaks in a cell: CRLF, LF or CR each count once. */
    private static int lineBreaks(String value) {
        if (value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return 0; // most cells: two vectorised searches instead of a loop over every character
        }
        int breaks = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == value.length() || value.charAt(i + 1) != '\n'))) {
                breaks++;
            }
        }
        return breaks;
    }

    private static String normalizeLineBreaks(String value) {
        return value.indexOf('\r') < 0 ? value : value.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static boolean isValidGuid(String guid) {
        return guid.length() <= 64 && guid.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    private static String expectedColumns(NoteType noteType) {
        List<String> names = new ArrayList<>(noteType.fields());
        names.add(TAGS_COLUMN);
        names.add(GUID_COLUMN);
        names.add(DECK_COLUMN);
        return String.join(", ", names);
    }

    private static String expectedHeaderExample(NoteType noteType) {
        return noteType.fields().stream().collect(Collectors.joining(",")) + "," + TAGS_COLUMN;
    }

    private static String plural(int count, String noun) {
        return count == 1 ? noun : noun + "s";
    }
}
