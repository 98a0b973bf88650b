package io.github.ankimaven.core.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.ankimaven.core.model.CardFile;
import io.github.ankimaven.core.model.Finding;
import io.github.ankimaven.core.model.Note;
import io.github.ankimaven.core.model.NoteType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CardFileReaderTest {

    @TempDir
    Path dir;

    private final List<Note> notes = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();

    private void read(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        new CardFileReader(NoteType.termDefinition(), StandardCharsets.UTF_8, "Deck")
                .read(new CardFile(file, "cards/" + name), notes::add, findings::add);
    }

    private void read(String name, String content) throws IOException {
        read(name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** The terms of the notes read, in order. */
    private List<String> terms() {
        return notes.stream().map(Note::term).toList();
    }

    private List<String> findingTexts() {
        return findings.stream().sorted().map(f -> f.severity() + " " + f).toList();
    }

    @Test
    void readsQuotedCommasQuotesAndLineBreaksWithTheLineWhereEachRecordStarts() throws IOException {
        read("a.csv", "Term,Definition,tags\n"
                + "plain,simple,t1 t2\n"
                + "\"with, comma\",\"say \"\"hi\"\"\",\n"
                + "multi,\"line one\nline two\nline three\",x::y\n"
                + "after,multi,\n");
        assertEquals(List.of(), findingTexts());
        assertEquals(4, notes.size());
        assertEquals(List.of(2, 3, 4, 7), notes.stream().map(n -> n.location().line()).toList());
        assertEquals(List.of("with, comma", "say \"hi\""), notes.get(1).fields());
        assertEquals("line one\nline two\nline three", notes.get(2).fields().get(1));
        assertEquals(List.of("t1", "t2"), notes.get(0).tags());
        assertEquals(List.of("x::y"), notes.get(2).tags());
        assertEquals("cards/a.csv:7", notes.get(3).location().toString());
    }

    @Test
    void readsAFileOfManyBuffersWithCharactersAcrossTheirBoundaries() throws IOException {
        // 3,000 rows of 1–4-byte characters (about 400 KB): sequences and rows fall across every
        // 8 KiB decoder read and 64 KiB file read, in each of their possible positions.
        StringBuilder csv = new StringBuilder("Term,Definition,tags\n");
        List<List<String>> expected = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            String term = "term é€😀 " + i;
            String definition = "ab".repeat(i % 7) + "ñ€😀\u4e2d".repeat(1 + i % 13) + (i % 5 == 0 ? "\nsecond, \"line\"" : "");
            expected.add(List.of(term, definition));
            csv.append(term).append(",\"").append(definition.replace("\"", "\"\"")).append("\",t").append(i % 3).append('\n');
        }
        read("big.csv", csv.toString());
        assertEquals(List.of(), findingTexts());
        assertEquals(expected, notes.stream().map(Note::fields).toList());
        // the header, 2,999 rows before the last and 600 second lines (every fifth row, from the first)
        assertEquals(1 + 2_999 + 600 + 1, notes.get(2_999).location().line(), "lines counted across buffers");
    }

    @Test
    void eachFieldKnowsTheLineWhereItsCellStartsAfterMultiLineCells() throws IOException {
        read("lines.csv", "Definition,Term,tags\n"
                + "\"one\ntwo\r\nthree\rfour\",term,\"a\nb\"\n"
                + "single,next,\n");
        assertEquals(List.of(), findingTexts());
        Note first = notes.get(0);
        assertEquals(List.of(5, 2), List.of(first.fieldLocation(0).line(), first.fieldLocation(1).line()),
                "Term's cell starts after Definition's LF, CRLF and lone CR");
        assertEquals(List.of("term", "one\ntwo\nthree\nfour"), first.fields());
        assertEquals(7, notes.get(1).location().line(), "the tags cell's line break counts for the next row");
    }

    @Test
    void acceptsBomCrlfCommentsAndCaseInsensitiveHeaders() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.write(("# a comment\r\n#separator:comma\r\n\r\nDEFINITION,term,Tags,GUID\r\n"
                + "\"first\r\nsecond\",Café,a,Xy12!\r\n"
                + "def,other,,\r\n").getBytes(StandardCharsets.UTF_8));
        read("b.csv", bytes.toByteArray());
        assertEquals(List.of(), findingTexts());
        assertEquals(2, notes.size());
        Note first = notes.get(0);
        assertEquals(List.of("Café", "first\nsecond"), first.fields());
        assertEquals("Xy12!", first.explicitGuid());
        assertEquals(5, first.location().line());
        assertEquals(7, notes.get(1).location().line());
        assertNull(notes.get(1).explicitGuid());
    }

    @Test
    void readsTabSeparatedFiles() throws IOException {
        read("c.tsv", "Term\tDefinition\nfirst, with comma\tdefinition\n\"quoted\ttab\"\tx\n");
        assertEquals(List.of(), findingTexts());
        assertEquals(List.of("first, with comma", "definition"), notes.get(0).fields());
        assertEquals("quoted\ttab", notes.get(1).term());
    }

    @Test
    void reportsUnknownDuplicateAndMissingColumns() throws IOException {
        read("d.csv", "Defintion,tags,TAGS\nx,y,z\n");
        assertEquals(List.of(
                "ERROR cards/d.csv:1: column \"TAGS\" appears twice (columns 2 and 3)",
                "ERROR cards/d.csv:1: missing column \"Term\" (the term); expected columns: Term, Definition, tags, guid, deck",
                "ERROR cards/d.csv:1: unknown column \"Defintion\" (column 1); expected columns: Term, Definition, tags, guid, deck"),
                findingTexts());
        assertEquals(List.of(), notes);
    }

    @Test
    void warnsAboutAMissingNonTermColumn() throws IOException {
        read("e.csv", "Term\nalone\n");
        assertEquals(List.of("WARNING cards/e.csv:1: no column \"Definition\": every note of this file leaves it empty, and makes"
                + " no card that needs it"), findingTexts());
        assertEquals(List.of("alone", ""), notes.get(0).fields());
        assertEquals(java.util.Set.of("Definition"), notes.get(0).fieldsWithoutColumn());
    }

    @Test
    void reportsAMissingHeader() throws IOException {
        read("f.csv", "# only comments\n\n");
        assertEquals(List.of("ERROR cards/f.csv:3: missing header: the first line that is not a # comment must name the"
                + " columns, e.g. Term,Definition,tags"), findingTexts());
    }

    @Test
    void reportsRowsWithTheWrongNumberOfCellsAndEmptyTermsWithoutDroppingOthers() throws IOException {
        read("g.csv", "Term,Definition\n"
                + "a,b,c\n"
                + "ok,fine\n"
                + "short\n"
                + " ,no term\n"
                + "\n"
                + "last,one\n");
        assertEquals(List.of(
                "ERROR cards/g.csv:2: row has 3 cells but the header has 2 columns; quote cells that contain the separator,"
                        + " a quote or a line break (\"like, this\")",
                "ERROR cards/g.csv:4: row has 1 cell but the header has 2 columns; quote cells that contain the separator,"
                        + " a quote or a line break (\"like, this\")",
                "ERROR cards/g.csv:5: empty Term: every note needs a term"), findingTexts());
        assertEquals(List.of("ok", "last"), terms());
    }

    @Test
    void reportsAnUnterminatedQuoteAtTheLineWhereTheRecordStarts() throws IOException {
        read("h.csv", "Term,Definition\nfine,row\nbroken,\"never closed\nmore text\nand more\n");
        assertEquals(List.of("ERROR cards/h.csv:3: unterminated quoted cell: a cell that starts with \" must end with \""
                + " (write a quote inside a quoted cell as \"\")"), findingTexts());
        assertEquals(List.of("fine"), terms());
    }

    @Test
    void eachEmptyColumnNameIsReportedAsSuch() throws IOException {
        read("e.csv", "Term,Definition,,\nVM,virtual machine,,\n");
        assertEquals(List.of(
                "ERROR cards/e.csv:1: empty column name (column 3); expected columns: Term, Definition, tags, guid, deck",
                "ERROR cards/e.csv:1: empty column name (column 4); expected columns: Term, Definition, tags, guid, deck"),
                findingTexts());
    }

    @Test
    void aFirstLineTooLongForAHeaderIsAFindingNotAReaderFailure() throws IOException {
        read("blob.csv", "# a comment\n" + "x".repeat((1 << 16) + 10) + "\nVM,virtual machine\n");
        assertEquals(List.of("ERROR cards/blob.csv:2: the first line after the comments has 65536 characters or more, so"
                + " it is no header naming the columns: is this a card file? (a header looks like Term,Definition,tags)"),
                findingTexts());
    }

    @Test
    void commentAndBlankLinesOfAnyLengthAreSkippedWholeBeforeTheHeader() throws IOException {
        read("long.csv", "#" + "c".repeat(200_000) + "\r\n" + " \t".repeat(20_000) + "\n\nTerm,Definition\n"
                + "VM,virtual machine\n");
        assertEquals(List.of(), findingTexts());
        assertEquals(List.of("VM"), terms());
        assertEquals(5, notes.get(0).location().line(), "line numbers count the skipped lines");
    }

    @Test
    void aHeaderAtTheVeryEndOfTheLookAheadIsStillAHeader() throws IOException {
        String longName = "T".repeat((1 << 16) - "Term,Definition,".length() - 1);
        read("edge.csv", "Term,Definition," + longName + "\nVM,virtual machine,x\n");
        assertEquals(1, findings.size());
        assertTrue(findingTexts().get(0).startsWith("ERROR cards/edge.csv:1: unknown column \"TTT"), findingTexts().get(0));
    }

    @Test
    void readsOnAfterTextAfterAClosingQuoteSoThatOneRunShowsEveryProblem() throws IOException {
        read("i.csv", "Term,Definition\n\"quoted\" extra,row\nnext,row\nthree,cells,here\n"
                + "say,\"He said \"hi\" to me\"\nlast,row\n");
        assertEquals(List.of(
                "ERROR cards/i.csv:2: text after a closing quote: a quoted cell must end right after its closing \""
                        + " (write a quote inside a quoted cell as \"\")",
                "ERROR cards/i.csv:4: row has 3 cells but the header has 2 columns; quote cells that contain the separator,"
                        + " a quote or a line break (\"like, this\")",
                "ERROR cards/i.csv:5: text after a closing quote: a quoted cell must end right after its closing \""
                        + " (write a quote inside a quoted cell as \"\")"), findingTexts());
        assertEquals(List.of("next", "last"), terms());
        assertEquals(List.of(3, 6), notes.stream().map(n -> n.location().line()).toList());
    }

    @Test
    void readsOnAtTheLineAfterTheBadQuoteOfAMultiLineRowWhateverTheLineEnds() throws IOException {
        for (String eol : List.of("\n", "\r\n", "\r")) {
            notes.clear();
            findings.clear();
            read("ml.csv", String.join(eol, "\uFEFF# a comment", "", "Term,Definition", "ok,\"one", "two\"",
                    "bad,\"line one", "line two\" oops", "after,row", "multi,\"a", "b\"", ""));
            assertEquals(List.of("ERROR cards/ml.csv:6: text after a closing quote: a quoted cell must end right after its"
                    + " closing \" (write a quote inside a quoted cell as \"\")"), findingTexts(), eol);
            assertEquals(List.of("ok", "after", "multi"), terms());
            assertEquals(List.of(4, 8, 9), notes.stream().map(n -> n.location().line()).toList(), eol);
            assertEquals("a\nb", notes.get(2).fields().get(1));
        }
    }

    @Test
    void doesNotReadOnWhenTheBadLineLeavesAQuotedCellOpen() throws IOException {
        read("open.csv", "Term,Definition\n\"a\" b,\"line one\nline two, still the cell\"\nnext,row\n");
        assertEquals(List.of("ERROR cards/open.csv:2: text after a closing quote: a quoted cell must end right after its closing"
                + " \" (write a quote inside a quoted cell as \"\"); the rows after it are checked once it is fixed"),
                findingTexts());
        assertEquals(List.of(), notes, "no note made of the inside of a quoted cell");
    }

    @Test
    void readsOnInAnIso88591File() throws IOException {
        Path file = dir.resolve("latin.csv");
        Files.write(file, "Term,Definition\n\"caf\u00e9\" x,y\nna\u00efve,row\n".getBytes(StandardCharsets.ISO_8859_1));
        new CardFileReader(NoteType.termDefinition(), StandardCharsets.ISO_8859_1, "Deck")
                .read(new CardFile(file, "cards/latin.csv"), notes::add, findings::add);
        assertEquals(1, findings.size(), findingTexts().toString());
        assertEquals(List.of("na\u00efve"), terms());
        assertEquals(3, notes.get(0).location().line());
    }

    @Test
    void readsOnInAUtf16FileWhicheverItsByteOrder() throws IOException {
        String text = "Term\tDefinition\r\n\"quoted\" extra\trow\r\nnext\t\"two\r\nlines\"\r\n"
                + "bad\t\"a \"b\" c\"\r\n\u00e9t\u00e9 \ud83c\udf1e\tsummer\r\n";
        Map<Charset, byte[]> files = new LinkedHashMap<>();
        files.put(StandardCharsets.UTF_16, ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE)); // Excel's "Unicode Text"
        files.put(StandardCharsets.UTF_16LE, ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE));
        files.put(StandardCharsets.UTF_16BE, text.getBytes(StandardCharsets.UTF_16BE));
        for (Map.Entry<Charset, byte[]> file : files.entrySet()) {
            notes.clear();
            findings.clear();
            Path path = dir.resolve("unicode.tsv");
            Files.write(path, file.getValue());
            new CardFileReader(NoteType.termDefinition(), file.getKey(), "Deck")
                    .read(new CardFile(path, "cards/unicode.tsv"), notes::add, findings::add);
            String problem = ": text after a closing quote: a quoted cell must end right after its closing \" (write a quote"
                    + " inside a quoted cell as \"\")";
            assertEquals(List.of("ERROR cards/unicode.tsv:2" + problem, "ERROR cards/unicode.tsv:5" + problem), findingTexts(),
                    file.getKey().name());
            assertEquals(List.of("next", "\u00e9t\u00e9 \ud83c\udf1e"), terms(), file.getKey().name());
            assertEquals(List.of(3, 6), notes.stream().map(n -> n.location().line()).toList(), file.getKey().name());
            assertEquals("two\nlines", notes.get(0).fields().get(1));
        }
    }

    /** Reads {@code bytes} as a tab-separated file in {@code charset}; the findings as "line rule", the notes as "term@line". */
    private List<String> readUnicode(Charset charset, byte[] bytes) throws IOException {
        notes.clear();
        findings.clear();
        Path path = dir.resolve("unicode.tsv");
        Files.write(path, bytes);
        new CardFileReader(NoteType.termDefinition(), charset, "Deck")
                .read(new CardFile(path, "cards/unicode.tsv"), notes::add, findings::add);
        List<String> result = new ArrayList<>();
        findings.stream().sorted().forEach(f -> result.add(f.location().line() + " " + f.rule()));
        notes.forEach(n -> result.add(n.term() + "@" + n.location().line()));
        return result;
    }

    @Test
    void readsOnInUtf16WhereALineEndsAtTheEdgeOfTheSkippersBuffer() throws IOException {
        for (String eol : List.of("\r\n", "\n", "\r")) {
            String head = "\uFEFFTerm\tDefinition" + eol + "bad\t\"a\"b";
            // The line end's first unit at bytes 65534-65535, the last unit of a 64 KiB buffer.
            String text = head + "x".repeat(65534 / 2 - head.length()) + eol + "next\tok" + eol + "bad2\t\"a\"b" + eol
                    + "last\tok" + eol;
            byte[] bytes = text.getBytes(StandardCharsets.UTF_16LE);
            assertEquals(eol.charAt(0), bytes[65534]);
            for (Charset charset : List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE)) {
                assertEquals(List.of("2 malformed-csv", "4 malformed-csv", "next@3", "last@5"), readUnicode(charset, bytes),
                        charset + " " + eol.length());
            }
        }
    }

    @Test
    void readsOnInUtf16WithOrWithoutAByteOrderMarkAndCharactersWhoseBytesLookLikeLineEnds() throws IOException {
        // U+0A22 is the bytes of LF and '"'; U+0D0A those of CR and LF; U+2200 has the byte of '"'.
        String text = "Term\tDefinition\r\n\"q\" x\t\u0A22\u0D0A\u2200\r\nnext\t\u0A22\u0D0A\ud83c\udf1e\r\nbad\t\"a\"b\r\n"
                + "last\tok\r\n";
        for (byte[] bytes : List.of(("\uFEFF" + text).getBytes(StandardCharsets.UTF_16BE), text.getBytes(StandardCharsets.UTF_16BE),
                ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE))) {
            assertEquals(List.of("2 malformed-csv", "4 malformed-csv", "next@3", "last@5"),
                    readUnicode(StandardCharsets.UTF_16, bytes), "UTF-16 is big-endian unless its mark says otherwise");
        }
    }

    @Test
    void theLineSkipperSkipsWhatTheDecoderTakesWithALoneHighSurrogate() throws IOException {
        // A high surrogate and then a line feed decode as one malformed character: the parser sees no line end there.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("\uFEFFTerm\tDefinition\nx\ty".getBytes(StandardCharsets.UTF_16LE));
        bytes.writeBytes(new byte[] {0x00, (byte) 0xD8});
        bytes.writeBytes("\nbad\t\"a\"b\nok\tfine\n".getBytes(StandardCharsets.UTF_16LE));
        assertEquals(List.of("1 encoding", "2 malformed-csv", "ok@3"), readUnicode(StandardCharsets.UTF_16LE, bytes.toByteArray()),
                "the malformed row once, and reading on after it");
    }

    @Test
    void stopsReadingAFileAfterTwentyMalformedRows() throws IOException {
        StringBuilder file = new StringBuilder("Term,Definition\n");
        for (int i = 0; i < 25; i++) {
            file.append("\"t").append(i).append("\" x,def\n");
        }
        read("many.csv", file.toString());
        List<String> texts = findingTexts();
        assertEquals(21, texts.size());
        assertEquals("ERROR cards/many.csv:22: the rows from here on are not checked: the file has 20 rows of malformed"
                + " CSV before this line; is it a CSV file with another separator or quoting?", texts.get(20));
        assertEquals(List.of(), notes);
    }

    @Test
    void aBadQuoteInTheHeaderStopsTheFile() throws IOException {
        read("hq.csv", "\"Term\" x,Definition\nVM,virtual machine\n");
        assertEquals(List.of("ERROR cards/hq.csv:1: text after a closing quote: a quoted cell must end right after its"
                + " closing \" (write a quote inside a quoted cell as \"\"); the rows after it are checked once it is fixed"),
                findingTexts());
        assertEquals(List.of(), notes);
    }

    @Test
    void aSpaceBeforeAQuoteThatSplitsTheCellIsAnErrorThatSaysSo() throws IOException {
        read("sq.csv", "Term,Definition\nhablar, \"to speak, talk\"\nok,\"fine\"\n");
        assertEquals(List.of("ERROR cards/sq.csv:2: a space before the quote of cell 2: a quote opens a quoted cell only right"
                + " after the separator, so this one is text and a separator after it splits the cell (the row has 3 cells,"
                + " the header 2 columns); remove the space before the quote"), findingTexts());
        assertEquals(List.of("ok"), terms());
    }

    @Test
    void aSpaceBeforeAQuoteInARowOfTheRightLengthIsAWarning() throws IOException {
        read("sw.csv", "Term,Definition,tags\nvivir,\t\"to live\", verbs\nhallo,\" \"\"hi\"\" is informal\",\n"
                + "hablar, \"to speak, talk\"\n");
        String rest = " starts with a space and a quote, so its quotes are text: a quote opens a quoted cell only right after"
                + " the separator; remove the space before the quote if the cell was meant to be quoted";
        assertEquals(List.of(
                "WARNING cards/sw.csv:2: cell 2 (column \"Definition\")" + rest,
                "ERROR cards/sw.csv:4: tag \"talk\"\" contains \", which Anki removes from tags on import",
                "WARNING cards/sw.csv:4: cell 2 (column \"Definition\")" + rest), findingTexts(),
                "a correctly quoted \" \"\"hi\"\" is informal\" has no quote at its end: no warning");
        assertEquals(List.of("vivir", "hallo", "hablar"), terms());
    }

    @Test
    void aBadLastRowWithoutLineBreakSaysNothingOfRowsAfterIt() throws IOException {
        read("last.csv", "Term,Definition\nok,1\n\"bad\" x,y");
        assertEquals(List.of("ERROR cards/last.csv:3: text after a closing quote: a quoted cell must end right after its closing"
                + " \" (write a quote inside a quoted cell as \"\")"), findingTexts());
        assertEquals(List.of("ok"), terms());
    }

    @Test
    void aRepeatedHeaderIsAnErrorAndRowsOfEmptyCellsAreBlankLines() throws IOException {
        read("pasted.csv", "\uFEFFTerm,Definition,tags\r\nhablar,to speak,verbs\r\n,,\r\n\uFEFFTerm,Definition,tags\r\n"
                + "comer,to eat,verbs\r\n Term ,Definition,tags\r\n , ,\r\nterm,definition,tags\r\n");
        assertEquals(List.of(
                "ERROR cards/pasted.csv:4: this row repeats the header (were two files pasted together?): delete it",
                "ERROR cards/pasted.csv:6: this row repeats the header (were two files pasted together?): delete it"),
                findingTexts());
        assertEquals(List.of("hablar", "comer", "term"), terms(),
                "a note whose cells only look like the column names is a note");
    }

    @Test
    void headerMistakesNameTheirCause() throws IOException {
        read("semi.csv", "Term;Definition;tags\nhablar;to speak;verbs\n");
        read("comma.tsv", "Term,Definition\nhablar,to speak\n");
        read("nbsp.csv", "Term\u00a0,\u00a0Definition\nhablar,to speak\n");
        read("utf16.tsv", "Term\tDefinition\n".getBytes(StandardCharsets.UTF_16LE));
        assertEquals(List.of(
                "ERROR cards/comma.tsv:1: unknown column \"Term,Definition\" (column 1); expected columns: Term, Definition,"
                        + " tags, guid, deck; the file seems to be separated by commas: name it .csv",
                "ERROR cards/semi.csv:1: unknown column \"Term;Definition;tags\" (column 1); expected columns: Term, Definition,"
                        + " tags, guid, deck; the file seems to be separated by semicolons: card files are separated by commas"
                        + " (.csv) or tabs (.tsv), so save it with commas",
                "ERROR cards/utf16.tsv:1: the header is full of NUL characters, as a UTF-16 file is (Excel's \"Unicode Text\"):"
                        + " save the file as UTF-8, or set <encoding>UTF-16</encoding>"), findingTexts());
        assertEquals(List.of("hablar"), terms(), "no-break spaces around names are spaces");
    }

    @Test
    void deckNamesAreNfcAndEachIsSpeltAsWhereItFirstAppears() throws IOException {
        read("decks.csv", "Term,Definition,deck\none,d,sub\ntwo,d,Sub\nthree,d,Caf\u00e9\nfour,d,Cafe\u0301\n"
                + "five,d,Sub::x\nsix,d,sub::X\n");
        assertEquals(List.of(
                "ERROR cards/decks.csv:3: deck \"Deck::Sub\" differs from \"Deck::sub\" (cards/decks.csv:2) only in case: Anki"
                        + " takes them for one deck and makes a second one named \"Deck::Sub_\"; write \"Deck::sub\"",
                "ERROR cards/decks.csv:6: deck \"Deck::Sub\" differs from \"Deck::sub\" (cards/decks.csv:2) only in case: Anki"
                        + " takes them for one deck and makes a second one named \"Deck::Sub_\"; write \"Deck::sub\""),
                findingTexts());
        assertEquals(List.of("Deck::sub", "Deck::Sub", "Deck::Caf\u00e9", "Deck::Caf\u00e9", "Deck::Sub::x", "Deck::sub::X"),
                notes.stream().map(Note::deck).toList());
    }

    @Test
    void aQuoteInATagIsAnErrorAndANoBreakSpaceAWarning() throws IOException {
        read("tq.csv", "Term,Definition,tags\none,d,\"\"\"exam\"\" ok\"\ntwo,d,verbs\u00a0ar\n");
        assertEquals(List.of(
                "ERROR cards/tq.csv:2: tag \"\"exam\"\" contains \", which Anki removes from tags on import",
                "WARNING cards/tq.csv:3: tag \"verbs\u00a0ar\" contains the space U+00A0, which does not separate tags, so this"
                        + " is one tag; use an ordinary space between tags"), findingTexts());
    }

    @Test
    void reportsEachLineWithBytesThatAreNotUtf8() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("Term,Definition\ngood,row\n".getBytes(StandardCharsets.UTF_8));
        bytes.write(new byte[] {'c', 'a', 'f', (byte) 0xE9, ',', 'x', '\n'}); // ISO-8859-1 é
        bytes.write("fine,row\n".getBytes(StandardCharsets.UTF_8));
        bytes.write(new byte[] {'b', 'a', 'd', ',', (byte) 0xFF, '\n'});
        read("j.csv", bytes.toByteArray());
        assertEquals(List.of(
                "ERROR cards/j.csv:3: bytes that are not valid UTF-8; save the file as UTF-8 or set <encoding> to the file's encoding",
                "ERROR cards/j.csv:5: bytes that are not valid UTF-8; save the file as UTF-8 or set <encoding> to the file's encoding"),
                findingTexts());
        assertEquals(4, notes.size(), "rows are still read so that every other problem shows in the same run");
    }

    @Test
    void listsTheFirstTwentyLinesWithBadBytesAndCountsTheRest() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("Term,Definition\n".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 25; i++) {
            bytes.write(new byte[] {'c', 'a', 'f', (byte) 0xE9, (byte) ('a' + i), ',', 'x', '\n'}); // ISO-8859-1 é
        }
        read("m.csv", bytes.toByteArray());
        List<Finding> encoding = findings.stream().filter(f -> f.rule().equals("encoding")).sorted().toList();
        assertEquals(21, encoding.size());
        assertEquals("cards/m.csv:21", encoding.get(19).location().toString());
        Finding more = encoding.get(20);
        assertEquals("cards/m.csv:22: 5 more lines with bytes that are not valid UTF-8, from here on, are not listed"
                + " (25 in all): save the file as UTF-8 or set <encoding> to the file's encoding", more.toString());
        assertEquals(25, encoding.stream().mapToInt(Finding::problems).sum(), "every bad line counts");
    }

    @Test
    void warnsAboutLinesThatLookLikeSettingsButAreComments() throws IOException {
        read("d.csv", "# Deck notes: a plain comment\n# deck: Hypervisors\n#separator:tab\n#tags: extra\n#deck:Real\n"
                + "Term,Definition\nVM,virtual machine\n");
        assertEquals(List.of(
                "WARNING cards/d.csv:2: \"# deck:\" is a comment (a space follows \"#\"), so it sets nothing: write #deck: to"
                        + " set the file's deck",
                "WARNING cards/d.csv:3: #separator: is a header of Anki's own text import, which this plugin does not read:"
                        + " the file's extension sets the separator (.csv: comma, .tsv: tab)",
                "WARNING cards/d.csv:4: #tags: is a header of Anki's own text import, which this plugin does not read: put"
                        + " the tags in a tags column, or in <tags> for every note"), findingTexts());
        assertEquals("Deck::Real", notes.get(0).deck());
    }

    @Test
    void badBytesInAFileWithCarriageReturnsOnlyAreReportedAtTheirLine() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("Term,Definition\rgood,row\r".getBytes(StandardCharsets.UTF_8));
        bytes.write(new byte[] {'c', 'a', 'f', (byte) 0xE9, ',', 'x', '\r', '\n', 'o', 'k', ',', 'y', '\r'});
        read("cr.csv", bytes.toByteArray());
        assertEquals(List.of("ERROR cards/cr.csv:3: bytes that are not valid UTF-8; save the file as UTF-8 or set <encoding>"
                + " to the file's encoding"), findingTexts());
        assertEquals(List.of(2, 3, 4), notes.stream().map(n -> n.location().line()).toList(), "the parser's lines, too");
    }

    @Test
    void checksTheEncodingOfTheWholeFileEvenAfterAFatalProblem() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("Term,Definition\nbroken,\"never closed\n".getBytes(StandardCharsets.UTF_8));
        bytes.write(new byte[] {'m', 'o', 'r', 'e', (byte) 0xC3, '\n'}); // a cut-off two-byte sequence
        read("k.csv", bytes.toByteArray());
        assertEquals(List.of(
                "ERROR cards/k.csv:2: unterminated quoted cell: a cell that starts with \" must end with \""
                        + " (write a quote inside a quoted cell as \"\")",
                "ERROR cards/k.csv:3: bytes that are not valid UTF-8; save the file as UTF-8 or set <encoding> to the file's encoding"),
                findingTexts());
    }

    @Test
    void checksTheEncodingOfAFileWithAnUnknownNoteType() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("#notetype: nonsense\nTerm,Definition\n".getBytes(StandardCharsets.UTF_8));
        bytes.write(new byte[] {'x', ',', (byte) 0xFE, '\n'});
        read("l.csv", bytes.toByteArray());
        assertEquals(2, findings.size(), () -> findingTexts().toString());
        assertEquals("ERROR cards/l.csv:3: bytes that are not valid UTF-8; save the file as UTF-8 or set <encoding> to the file's encoding",
                findingTexts().get(1));
    }

    @Test
    void reportsTagsAnkiCannotStoreAndWarnsAboutCommas() throws IOException {
        read("k.csv", "Term,Definition,tags\n"
                + "a,b,good::tag ::leading\n"
                + "c,d,trailing::\n"
                + "e,f,x::::y\n"
                + "g,h,\"bell\u0007\"\n"
                + "i,j,\"one,two\"\n"
                + "k,l,a:::b\n");
        assertEquals(List.of(
                "ERROR cards/k.csv:2: tag \"::leading\" has an empty level (\"::\" at the start or end, or \"::::\"),"
                        + " which Anki renames to \"blank\"",
                "ERROR cards/k.csv:3: tag \"trailing::\" has an empty level (\"::\" at the start or end, or \"::::\"),"
                        + " which Anki renames to \"blank\"",
                "ERROR cards/k.csv:4: tag \"x::::y\" has an empty level (\"::\" at the start or end, or \"::::\"),"
                        + " which Anki renames to \"blank\"",
                "ERROR cards/k.csv:5: tag \"bell\\u0007\" contains the control character U+0007, which Anki removes",
                "WARNING cards/k.csv:6: tag \"one,two\" contains \",\" or \";\": tags are separated by spaces, so this is one tag",
                "ERROR cards/k.csv:7: tag \"a:::b\" has a stray \":\"; use \"::\" between levels"),
                findingTexts());
        assertEquals(List.of("a", "c", "e", "g", "i", "k"), terms(),
                "rows with bad tags still take part in the other checks");
        assertEquals(List.of("good::tag"), notes.get(0).tags());
    }

    @Test
    void tagsSeenBeforeAreTheSameTagsAndBadOnesAreReportedOnEveryRow() throws IOException {
        read("t.csv", "Term,Definition,tags\n"
                + "a,b,db  db::index one;two\n"
                + "c,d,\tdb::index db x::::y one;two four five\n"
                + "e,f,db::indexes db::inde x\n");
        assertEquals(List.of(
                "WARNING cards/t.csv:2: tag \"one;two\" contains \",\" or \";\": tags are separated by spaces, so this is one tag",
                "ERROR cards/t.csv:3: tag \"x::::y\" has an empty level (\"::\" at the start or end, or \"::::\"),"
                        + " which Anki renames to \"blank\"",
                "WARNING cards/t.csv:3: tag \"one;two\" contains \",\" or \";\": tags are separated by spaces, so this is one tag"),
                findingTexts());
        assertEquals(List.of("db", "db::index", "one;two"), notes.get(0).tags());
        assertEquals(List.of("db::index", "db", "one;two", "four", "five"), notes.get(1).tags());
        assertEquals(List.of("db::indexes", "db::inde", "x"), notes.get(2).tags());
    }

    @Test
    void warnsWhenAQuotedCellSwallowsRowsBecauseItsClosingQuoteIsMissing() throws IOException {
        // The quote after 3.5 (an inch sign) ends the cell opened on line 2: lines 3-5 became its text.
        read("q.csv", "Term,Definition,tags\n"
                + "Hypervisor,\"Runs virtual machines, many at once,virtualization\n"
                + "Container,An isolated group of processes.,virtualization\n"
                + "Snapshot,The saved state of a machine.,virtualization\n"
                + "Floppy,A disk of 3.5\",storage\n"
                + "VM,A virtual machine.,virt\n");
        assertEquals(List.of("WARNING cards/q.csv:2: cell 2 (column \"Definition\") is quoted and goes on over lines 3–5,"
                + " each shaped like a row of its own: if this cell's closing quote is missing, those rows are text of this"
                + " cell, not notes; close the quote where the cell ends"), findingTexts());
        assertEquals(List.of("Hypervisor", "VM"), terms());
        assertEquals(6, notes.get(1).location().line());
    }

    @Test
    void warnsAboutSwallowedRowsAlsoWhenTheTermCellOrATabSeparatedCellSwallowedThem() throws IOException {
        // In the first column the quote closes the last swallowed row's term.
        read("first.csv", "Term,Definition,tags\n"
                + "\"Hypervisor,Runs virtual machines.,virtualization\n"
                + "Container,An isolated group of processes.,virtualization\n"
                + "Snapshot,The saved state of a machine.,virtualization\n"
                + "Floppy 3.5\",A disk,storage\n");
        assertEquals(List.of("WARNING cards/first.csv:2: cell 1 (column \"Term\") is quoted and goes on over lines 3–5,"
                + " each shaped like a row of its own: if this cell's closing quote is missing, those rows are text of this"
                + " cell, not notes; close the quote where the cell ends"), findingTexts());

        findings.clear();
        notes.clear();
        // Tab-separated rows with an empty cell (two tabs in a row) are rows all the same.
        read("tabs.tsv", "Term\tDefinition\ttags\n"
                + "Hypervisor\t\"Runs virtual machines.\tvirtualization\n"
                + "Container\t\tvirtualization\n"
                + "Snapshot\tThe saved state.\t\n"
                + "Floppy\tA disk of 3.5\"\tstorage\n");
        assertEquals(List.of("WARNING cards/tabs.tsv:2: cell 2 (column \"Definition\") is quoted and goes on over lines 3–5,"
                + " each shaped like a row of its own: if this cell's closing quote is missing, those rows are text of this"
                + " cell, not notes; close the quote where the cell ends"), findingTexts());
    }

    @Test
    void findsSwallowedRowsWithOldMacLineBreaksBlankLinesAndTheQuoteOnALineOfItsOwn() throws IOException {
        read("mac.csv", "Term,Definition,tags\r"
                + "Hypervisor,\"Runs virtual machines, many at once,virtualization\r"
                + "Container,An isolated group of processes.,virtualization\r"
                + "\r"
                + "Snapshot,The saved state of a machine.,virtualization\r"
                + "Floppy,A disk of 3.5\",storage\r");
        assertEquals(List.of("WARNING cards/mac.csv:2: cell 2 (column \"Definition\") is quoted and goes on over lines 3–6,"
                + " each shaped like a row of its own: if this cell's closing quote is missing, those rows are text of this"
                + " cell, not notes; close the quote where the cell ends"), findingTexts());

        findings.clear();
        notes.clear();
        read("end.csv", "Term,Definition,tags\r\n"
                + "Hypervisor,\"Runs virtual machines, many at once,virtualization\r\n"
                + "Container,An isolated group of processes.,virtualization\r\n"
                + "Snapshot,The saved state of a machine.,virtualization\r\n"
                + "\",storage\r\n");
        assertEquals(List.of("WARNING cards/end.csv:2: cell 2 (column \"Definition\") is quoted and goes on over lines 3–5,"
                + " each shaped like a row of its own: if this cell's closing quote is missing, those rows are text of this"
                + " cell, not notes; close the quote where the cell ends"), findingTexts());
        assertEquals(List.of("Hypervisor"), terms());
    }

    @Test
    void onlyQuotedCellsWhoseLinesAreAllShapedLikeRowsAreReported() throws IOException {
        read("ok.csv", "Term,Definition,tags\n"
                + "a,\"line one, with a comma\nline two\nline three\",x\n"
                + "b,\"Example: one, two\nthree, four, five\nsix, seven\",y\n"
                + "c,\"He said \"\"hi,there,you\"\"\nand left,then,came back\nagain,and\",z\n"
                + "d,\"first line\nsecond,line\",w\n"
                + "e,\"x,y\nalpha,one,t\nbeta,two\",v\n");
        // e is shaped like rows all through (a term, the row's separators, none before a space,
        // the cells after the quote on its last line); b is prose (a space after each comma); c
        // has quotes, which rows a missing quote swallowed cannot have; a has lines without
        // separators; d goes on over one line only.
        assertEquals(List.of("WARNING cards/ok.csv:13: cell 2 (column \"Definition\") is quoted and goes on over lines 14–15,"
                + " each shaped like a row of its own: if this cell's closing quote is missing, those rows are text of this"
                + " cell, not notes; close the quote where the cell ends"), findingTexts());
        assertEquals(List.of("a", "b", "c", "d", "e"), terms());

        findings.clear();
        notes.clear();
        read("two.csv", "Term,Definition\n"
                + "Steps,\"Unplug it\nAlpha,first\nBeta,second\"\n"
                + "More,\"Unplug it\nAlpha,first\nBeta,second\nGamma,third\"\n");
        assertEquals(List.of("WARNING cards/two.csv:5: cell 2 (column \"Definition\") is quoted and goes on over lines"
                + " 6–8, each shaped like a row of its own: if this cell's closing quote is missing, those rows are text of"
                + " this cell, not notes; close the quote where the cell ends"), findingTexts(),
                "with two columns, where one separator makes a row's shape, three such lines are needed");
    }

    @Test
    void reportsInvalidGuids() throws IOException {
        read("l.csv", "Term,Definition,guid\na,b,has space\nc,d,ok\n");
        assertEquals(List.of("ERROR cards/l.csv:2: guid \"has space\" must be 1 to 64 printable ASCII characters without spaces"),
                findingTexts());
        assertNull(notes.get(0).explicitGuid());
        assertEquals("ok", notes.get(1).explicitGuid());
    }

    @Test
    void rowsGoToTheFilesDeckOrTheirOwnSubdeck() throws IOException {
        read("n.csv", "# cards about hypervisors\n#deck: Hypervisors\nTerm,Definition,deck\n"
                + "a,in the file's deck,\n"
                + "b,in a subdeck,Types::Type 1\n"
                + "c,full name,Deck::Other\n"
                + "d,bad,Broken::::Name\n");
        assertEquals(List.of("ERROR cards/n.csv:7: deck \"Broken::::Name\" has an empty level: \"::\" separates parent and child"
                + " deck names"), findingTexts());
        assertEquals(List.of("Deck::Hypervisors", "Deck::Types::Type 1", "Deck::Other", "Deck::Hypervisors"),
                notes.stream().map(Note::deck).toList());
    }

    @Test
    void rowsWithoutDeckGoToTheDeckItself() throws IOException {
        read("o.csv", "Term,Definition\na,b\n");
        assertEquals("Deck", notes.get(0).deck());
    }

    @Test
    void reportsControlCharactersOfARowWithoutTermWhichIsNotRendered() throws IOException {
        read("m.csv", "Term,Definition\n,\"bad\n\u0001\"\n");
        assertEquals(List.of("ERROR cards/m.csv:2: empty Term: every note needs a term",
                "WARNING cards/m.csv:3: Definition: contains the control character U+0001, which Anki removes; delete it"),
                findingTexts());
    }

    @Test
    void keepsControlCharactersForTheRendererToReport() throws IOException {
        read("m.csv", "Term,Definition\nterm,\"bad\u0001char\"\n");
        assertEquals(List.of(), findingTexts());
        assertEquals(List.of("term", "bad\u0001char"), notes.get(0).fields());
    }
}
