package io.github.ankimaven.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** An .apkg opened for assertions: its zip entries, media map and collection tables. */
public final class ApkgContents implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    public final List<String> entryNames = new ArrayList<>();
    public final List<ZipEntry> entries = new ArrayList<>();
    public final JsonNode media;
    private final Path collectionFile;
    private final Connection db;

    public ApkgContents(Path apkg, Path scratch) throws IOException, SQLException {
        try (ZipFile zip = new ZipFile(apkg.toFile())) {
            zip.stream().forEach(e -> {
                entryNames.add(e.getName());
                entries.add(e);
            });
            try (InputStream in = zip.getInputStream(zip.getEntry("media"))) {
                media = JSON.readTree(in);
            }
            collectionFile = Files.createTempFile(scratch, "collection", ".anki2");
            try (InputStream in = zip.getInputStream(zip.getEntry("collection.anki2"))) {
                Files.copy(in, collectionFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        db = DriverManager.getConnection("jdbc:sqlite:" + collectionFile);
    }

    /** Every row of a query, each as column name → value (SQLite storage class preserved). */
    public List<Map<String, Object>> rows(String sql) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= columns; i++) {
                    row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    public Object single(String sql) throws SQLException {
        return rows(sql).get(0).values().iterator().next();
    }

    public JsonNode colJson(String column) throws SQLException, IOException {
        return JSON.readTree((String) single("SELECT " + column + " FROM col"));
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
