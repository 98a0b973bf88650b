package io.github.ankimaven.core;

import io.github.ankimaven.core.model.CardFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Stream;

/**
 * A digest of everything that affects a deck's package: the plugin version, every setting of the
 * request (note types, formats, tags, paths…), and the content of every file the build reads:
 * card files, the description file, the media directory and the previous release. Equal
 * fingerprints mean the package would come out the same, so the build can skip writing it.
 */
public final class BuildFingerprint {

    private BuildFingerprint() {}

    /**
     * @param configuredTimestamp the timestamp as configured (not the resolved "now"), so an unset
     *     timestamp does not make every build look changed
     */
    public static String of(DeckRequest request, String pluginVersion, String configuredTimestamp) throws IOException {
        MessageDigest digest = sha256();
        text(digest, "plugin " + pluginVersion);
        text(digest, "timestamp " + configuredTimestamp);
        // The whole request as its record components print it, so a setting added later is covered without
        // a change here; only the resolved build time is left out (the configured timestamp stands for it).
        text(digest, "request " + request.withBuildTime(Instant.EPOCH));
        if (request.descriptionFile() != null) {
            text(digest, "description file");
            file(digest, request.descriptionFile().path());
        }
        if (request.previousRelease() != null) {
            text(digest, "previous release");
            file(digest, request.previousRelease());
        }
        for (CardFile card : request.cardFiles()) {
            text(digest, "card file " + card.displayPath());
            file(digest, card.path());
        }
        if (request.mediaDirectory() != null) {
            mediaDirectory(digest, request.mediaDirectory());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Every entry of the media directory by name (sorted), with the content of each regular file. */
    private static void mediaDirectory(MessageDigest digest, Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            text(digest, "no media directory");
            return;
        }
        List<Path> entries;
        try (Stream<Path> children = Files.list(directory)) {
            entries = children.sorted(Comparator.comparing(path -> path.getFileName().toString())).toList();
        }
        for (Path entry : entries) {
            boolean regularFile = Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS);
            text(digest, (regularFile ? "media file " : "media entry ") + entry.getFileName());
            if (regularFile) {
                file(digest, entry);
            }
        }
    }

    /**
     * {@link #of} computed on a thread of its own: hashing the card files of a big deck takes a
     * while, and a package that must be built anyway need not wait for it.
     */
    public static Pending inBackground(DeckRequest request, String pluginVersion, String configuredTimestamp) {
        FutureTask<String> task = new FutureTask<>(() -> of(request, pluginVersion, configuredTimestamp));
        Thread thread = new Thread(task, "anki-fingerprint");
        thread.setDaemon(true);
        thread.start();
        return new Pending(task);
    }

    /** A fingerprint on its way. */
    public static final class Pending {
        private final FutureTask<String> task;

        private Pending(FutureTask<String> task) {
            this.task = task;
        }

        /** Waits for the fingerprint. */
        public String get() throws IOException {
            try {
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while hashing the card files", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            }
        }
    }

    private static void text(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }

    private static void file(MessageDigest digest, Path path) throws IOException {
        text(digest, Long.toString(Files.size(path)));
        try (InputStream in = Files.newInputStream(path)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }
}
