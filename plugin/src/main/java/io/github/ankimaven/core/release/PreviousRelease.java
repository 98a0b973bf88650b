package io.github.ankimaven.core.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.ankimaven.core.DeckConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The package of a deck's previous release, as learners imported it: its note types, decks and
 * static ({@code _}-prefixed) media. Its collection is extracted to {@code workDirectory} so the
 * new build can compare notes with it in SQL, without holding them in memory.
 */
public final class PreviousRelease {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A note type of the previous release: what Anki compares to decide whether its schema changed. */
    /** @param cloze whether it is a cloze note type ({@code "type": 1}) */
    /** @param sortField the index of the sort field, from which the term, and so each note's GUID, comes */
    public record PreviousNoteType(long id, String name, boolean cloze, List<String> fields, List<String> templates,
            int sortField, long mod, String json) {}

    private final Path packageFile;
    private final Path collectionFile;
    private final Map<Long, PreviousNoteType> noteTypes;
    private final Map<Long, String> deckNames;
    private final Map<String, String> mediaSha1;
    private final long latestNoteMod;

    private PreviousRelease(Path packageFile, Path collectionFile, Map<Long, PreviousNoteType> noteTypes,
            Map<Long, String> deckNames, Map<String, String> mediaSha1, long latestNoteMod) {
        this.packageFile = packageFile;
        this.collectionFile = collectionFile;
        this.noteTypes = noteTypes;
        this.deckNames = deckNames;
        this.mediaSha1 = mediaSha1;
        this.latestNoteMod = latestNoteMod;
    }

    /** Opens a previous release's {@code .apkg}; fails with a clear message when it is not one. */
    public static PreviousRelease open(Path packageFile, Path workDirectory) throws IOException, DeckConfigurationException {
        if (!Files.isRegularFile(packageFile)) {
            throw new DeckConfigurationException("<previousRelease> " + packageFile + " does not exist");
        }
        Path collection = workDirectory.resolve("previous-collection.anki2");
        Map<String, String> media = new TreeMap<>();
        try (ZipFile zip = new ZipFile(packageFile.toFile())) {
            ZipEntry entry = zip.getEntry("collection.anki2");
            if (entry == null || zip.getEntry("collection.anki21") != null || zip.getEntry("collection.anki21b") != null) {
                throw new DeckConfigurationException("<previousRelease> " + packageFile
                        + " is not a package written by this plugin (no legacy collection.anki2)");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                Files.copy(in, collection, StandardCopyOption.REPLACE_EXISTING);
            }
            ZipEntry mediaMap = zip.getEntry("media");
            if (mediaMap != null) {
                JsonNode map;
                try (InputStream in = zip.getInputStream(mediaMap)) {
                    map = JSON.readTree(in);
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> file = it.next();
                    String name = file.getValue().asText();
                    ZipEntry data = zip.getEntry(file.getKey());
                    if (data != null) {
                        try (InputStream in = zip.getInputStream(data)) {
                            media.put(name, sha1(in));
                        }
                    }
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new DeckConfigurationException("<previousRelease> " + packageFile + " is not a readable .apkg: " + e.getMessage());
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + collection);
                Statement statement = db.createStatement()) {
            JsonNode models;
            JsonNode decks;
            try (ResultSet col = statement.executeQuery("SELECT models, decks FROM col")) {
                col.next();
                models = JSON.readTree(col.getString(1));
                decks = JSON.readTree(col.getString(2));
            }
            Map<Long, PreviousNoteType> noteTypes = new TreeMap<>();
            for (JsonNode model : models) {
                noteTypes.put(model.get("id").asLong(), new PreviousNoteType(model.get("id").asLong(), model.get("name").asText(), model.path("type").asInt() == 1,
                        names(model.get("flds")), names(model.get("tmpls")), model.path("sortf").asInt(0), model.get("mod").asLong(),
                        model.toString()));
            }
            Map<Long, String> deckNames = new TreeMap<>();
            decks.forEach(deck -> deckNames.put(deck.get("id").asLong(), deck.get("name").asText()));
            long latest;
            try (ResultSet rs = statement.executeQuery("SELECT coalesce(max(mod), 0) FROM notes")) {
                rs.next();
                latest = rs.getLong(1);
            }
            return new PreviousRelease(packageFile, collection, noteTypes, deckNames, media, latest);
        } catch (SQLException e) {
            throw new DeckConfigurationException("<previousRelease> " + packageFile + " has no readable Anki collection: "
                    + e.getMessage());
        }
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(item -> names.add(item.get("name").asText()));
        return names;
    }

    private static String sha1(InputStream in) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-1");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-1", e);
        }
    }

    public Path packageFile() {
        return packageFile;
    }

    public Path collectionFile() {
        return collectionFile;
    }

    public Map<Long, PreviousNoteType> noteTypes() {
        return noteTypes;
    }

    public Map<Long, String> deckNames() {
        return deckNames;
    }

    /** SHA-1 of every media file, by name: a file whose content changes under the same name does not reach learners. */
    public Map<String, String> mediaSha1() {
        return mediaSha1;
    }

    /** The newest note modification time (seconds) in the previous release. */
    public long latestNoteMod() {
        return latestNoteMod;
    }
}
