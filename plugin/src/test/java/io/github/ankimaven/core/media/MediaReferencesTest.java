package io.github.ankimaven.core.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.ankimaven.core.media.MediaReference.Origin;
import io.github.ankimaven.core.model.SourceLocation;
import java.util.List;
import org.junit.jupiter.api.Test;

class MediaReferencesTest {

    private static final SourceLocation ROW = new SourceLocation("cards/a.csv", 7);

    private static List<String> fieldNames(String html) {
        List<MediaReference> references = MediaReferences.inField(html, ROW);
        references.forEach(r -> {
            assertEquals(ROW, r.location());
            assertEquals(Origin.FIELD, r.origin());
        });
        return references.stream().map(MediaReference::name).toList();
    }

    private static List<String> described(List<MediaReference> references) {
        return references.stream().map(r -> r.location() + " " + r.name()).toList();
    }

    @Test
    void findsEveryTagAnkiReadsMediaFrom() {
        assertEquals(List.of("a.png", "b c.png", "d.png", "f.mp3", "v.mp4", "s.webm", "o.svg", "snd.mp3", "clip.mp4"),
                fieldNames("<img src=\"a.png\"> <IMG alt=x SRC='b c.png'> <img src=d.png alt=y> <audio src=\"f.mp3\" controls>"
                        + " <video src=v.mp4><source src=\"s.webm\"></video> <object data=\"o.svg\"></object>"
                        + " [sound:snd.mp3] [sound:clip.mp4]"));
    }

    @Test
    void decodesEntitiesAsAnkiDoes() {
        assertEquals(List.of("a&b.png", "x y.png", "e&f.png", "c&d.mp3"),
                fieldNames("<img src=\"a&amp;b.png\"> <img src='x&nbsp;y.png'> [sound:c&amp;d.mp3] <img src=\"e&f.png\">"));
    }

    @Test
    void readsNamesExactlyAsAnkisPatternDoes() {
        // An unquoted value runs up to a space or ">", so "/>" leaves a "/" in the name, as in Anki.
        assertEquals(List.of("e.png/", "lazy.png"), fieldNames("<img src=e.png/> <img data-src=\"lazy.png\">"));
    }

    @Test
    void ignoresRemoteAndInlineDataAndDuplicates() {
        assertEquals(List.of("local.png"), fieldNames("<img src=\"http://x.org/a.png\"> <img src=\"HTTPS://x.org/b.png\">"
                + " <img src=\"//cdn.x.org/c.png\"> <img src=\"data:image/png;base64,AAAA\">"
                + " <img src=\"local.png\"> [sound:local.png] <img src=local.png> [sound:https://x.org/d.mp3]"));
    }

    @Test
    void findsTemplateMediaAtTheirLinesAndUnderscoredNamesInQuotes() {
        String template = "{{Front}}\n"
                + "<img src=\"{{Picture}}\">\n"
                + "<script src=\"_deck.js\"></script> <a target=\"_blank\" href=\"x.html\">x</a>\n"
                + "<img\n src=\"logo.png\">\n"
                + "[sound:_intro.mp3] <link href='_extra.css'>";
        assertEquals(List.of("note-type.html:12 _deck.js", "note-type.html:14 logo.png", "note-type.html:15 _intro.mp3",
                        "note-type.html:15 _extra.css"),
                described(MediaReferences.inTemplate(template, new SourceLocation("note-type.html", 10))));
        assertEquals(Origin.TEMPLATE, MediaReferences.inTemplate("<img src=\"_a.png\">", ROW).get(0).origin());
    }

    @Test
    void findsStylingUrlsAndImportsAtTheirLines() {
        String css = "@import \"_base.css\";\n"
                + "@font-face { src: url(_font.woff2) format('woff2'), url( \"_f2.ttf\" ); }\n"
                + ".card { background: url('bg.png'); fill: url(#gradient); }\n"
                + ".x { background: url(https://x.org/y.png), url(data:image/png;base64,AAAA), url() }\n"
                + "@import url(_other.css);";
        assertEquals(List.of("styling.css:1 _base.css", "styling.css:2 _font.woff2", "styling.css:2 _f2.ttf",
                        "styling.css:3 bg.png", "styling.css:5 _other.css"),
                described(MediaReferences.inStyling(css, new SourceLocation("styling.css", 1))));
        assertEquals(Origin.STYLING, MediaReferences.inStyling("url(_a.png)", ROW).get(0).origin());
    }
}
