package io.github.ankimaven.core.text;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the deck's text files (templates, styling, the description) as their authors meant them. */
public final class TextFiles {

    private TextFiles() {}

    /**
     * The file's text with Windows line ends made {@code \n} and without the byte order mark
     * some Windows editors put first: kept, it would turn a stylesheet's first selector into
     * {@code \uFEFF.card}, which matches nothing, and a description's first heading into text.
     *
     * @throws java.nio.charset.CharacterCodingException when the file is not valid in {@code charset}
     */
    public static String read(Path file, Charset charset) throws IOException {
        String text = Files.readString(file, charset).replace("\r\n", "\n");
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
