package io.github.ankimaven.core.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MediaNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"cat.jpg", "_style.css", "a b & c (1).png", "console.png", "com10.mp3", "été.mp3", "猫.png",
        "\uD83D\uDE00.png", ".hidden"})
    void namesAnkiKeepsHaveNoProblem(String name) {
        assertEquals(name, MediaNames.ankiName(name));
        assertEquals(Optional.empty(), MediaNames.problem(name));
    }

    @Test
    void ankiNameGivesWhatAnkisOwnTestsExpect() {
        // rslib/src/media/files.rs, tests normalize() and truncation()
        assertEquals("con_.jpg", MediaNames.ankiName("con.jpg[]><:\"?*^|\0\r\n"));
        assertEquals("test._", MediaNames.ankiName("test."));
        assertEquals("test _", MediaNames.ankiName("test "));
        assertEquals("x".repeat(115) + ".jpg", MediaNames.ankiName("x".repeat(240) + ".jpg"));
        assertEquals("x".repeat(120), MediaNames.ankiName("x".repeat(120)));
        assertEquals("x".repeat(116) + ".jpg", MediaNames.ankiName("x".repeat(116) + ".jpg"));
        assertEquals("x".repeat(118), MediaNames.ankiName("x".repeat(121)));
        assertEquals(" ".repeat(118) + "_", MediaNames.ankiName(" ".repeat(121)));
    }

    @Test
    void truncationKeepsWholeCharactersAndAtMostTenBytesOfExtension() {
        assertEquals("é".repeat(57) + ".png", MediaNames.ankiName("é".repeat(70) + ".png"));
        assertEquals("a".repeat(108) + ".abcdefghij", MediaNames.ankiName("a".repeat(200) + ".abcdefghijklmnop"));
    }

    @Test
    void eachRuleSaysWhatToDo() {
        assertEquals("media name \"a?b.png\" contains \"?\", which Anki removes; rename the file and its references to \"ab.png\"",
                problem("a?b.png"));
        assertEquals("media name \"q\"1\".png\" contains '\"', which Anki removes; rename the file and its references to \"q1.png\"",
                problem("q\"1\".png"));
        assertEquals("media name \"a\tb*[1].png\" contains U+0009, \"*\", \"[\" and \"]\", which Anki removes; "
                + "rename the file and its references to \"ab1.png\"", problem("a\tb*[1].png"));
        assertEquals("media name \"a\u0378.png\" contains U+0378, which Anki removes; rename the file and its references to \"a.png\"",
                problem("a\u0378.png"));
        assertEquals("media name \"cafe\u0301.png\" is not in Unicode normalization form NFC (e.g. accents stored as "
                + "separate characters); rename the file and its references to \"caf\u00e9.png\"", problem("cafe\u0301.png"));
        assertEquals("media name \"a\u00a0b.png\" contains a no-break space, which Anki turns into a space; "
                + "rename the file and its references to \"a b.png\"", problem("a\u00a0b.png"));
        assertEquals("media name \"Aux.mp3\" starts with the Windows device name \"Aux\"; rename the file and its references "
                + "to \"Aux_.mp3\"", problem("Aux.mp3"));
        assertEquals("media name \"LPT1\" starts with the Windows device name \"LPT1\"; rename the file and its references "
                + "to \"LPT1_\"", problem("LPT1"));
        assertEquals("media name \"notes.\" ends with a dot, which Windows does not allow; rename the file and its references "
                + "to \"notes._\"", problem("notes."));
        assertEquals("media name \"a.png \" ends with a space, which Windows does not allow; rename the file and its references "
                + "to \"a.png _\"", problem("a.png "));
        assertEquals("media name \"" + "x".repeat(130) + ".png\" is 134 bytes long in UTF-8, more than the 120 Anki allows; "
                + "rename the file and its references to \"" + "x".repeat(115) + ".png\"", problem("x".repeat(130) + ".png"));
        assertEquals("media name \"con?.txt\" contains \"?\", which Anki removes, and starts with the Windows device name \"con\"; "
                + "rename the file and its references to \"con_.txt\"", problem("con?.txt"));
    }

    @Test
    void pathsAreNotMediaNames() {
        for (String path : List.of("img/cat.png", "../cat.png", "/home/me/cat.png", "C:\\pics\\cat.png", "..", ".")) {
            assertEquals("media name \"" + path + "\" is a path, but Anki keeps all media in one folder: put the file "
                    + "directly into the media directory and refer to it by its bare name", problem(path));
        }
    }

    @Test
    void sortsInCodePointOrderNotUtf16Order() {
        List<String> names = new ArrayList<>(List.of("\uD83D\uDE00.png", "\uFF21.png", "b.png", "B.png", "a.png", "a"));
        names.sort(MediaNames.CODE_POINT_ORDER);
        assertEquals(List.of("B.png", "a", "a.png", "b.png", "\uFF21.png", "\uD83D\uDE00.png"), names);
    }

    private static String problem(String name) {
        return MediaNames.problem(name).orElseThrow();
    }
}
