package io.github.ankimaven.core;

import io.github.ankimaven.core.model.CardFile;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Stream;

/**
 * A digest of everything that affects a deck's package: the plugin version, where the package
 * goes, every setting of the request (note types, formats, tags, paths…), and the content of
 * every file the build reads: card files, the description file, the media directory and the
 * previous release. Equal fingerprints mean the package would come out the same, so the build
 * can skip writing it.
 */
public final class BuildFingerprint {

    private BuildFingerprint() {}

    /** A file the build reads, under the label it has in the digest; {@code content} false for a media entry that is not a file. */
    private record Input(String label, Path path, boolean content) {}

    /**
     * @param output the package the fingerprint is kept for (two outputs of one deck are built separately)
     * @param configuredTimestamp the timestamp as configured (not the resolved "now"), so an unset
     *     timestamp does not make every build look changed
     */
    public static String of(DeckRequest request, Path output, String pluginVersion, String configuredTimestamp)
            throws IOException {
        return digest(request, output, pluginVersion, configuredTimestamp, inputs(request));
    }

    private static String digest(DeckRequest request, Path output, String pluginVersion, String configuredTimestamp,
            List<Input> inputs) throws IOException {
        MessageDigest digest = sha256();
        text(digest, "plugin " + pluginVersion);
        text(digest, "output " + output.toAbsolutePath().normalize());
        text(digest, "timestamp " + configuredTimestamp);
        // The whole request as its record components print it, so a setting added later is covered without
        // a change here; only the resolved build time is left out (the configured timestamp stands for it).
        text(digest, "request " + describe(request.withBuildTime(Instant.EPOCH)));
        for (Input input : inputs) {
            text(digest, input.label());
            if (input.content()) {
                file(digest, input.path());
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * {@code value.toString()} for records, collections and maps of them, read through the record
     * components: a record's own toString links through invokedynamic when it first runs, about
     * 10 ms of a cold JVM per record type, and a request holds half a dozen types.
     */
    static String describe(Object value) {
        StringBuilder out = new StringBuilder();
        describe(value, out);
        return out.toString();
    }

    private static void describe(Object value, StringBuilder out) {
        if (value instanceof Record record) {
            out.append(record.getClass().getSimpleName()).append('[');
            RecordComponent[] components = record.getClass().getRecordComponents();
            for (int i = 0; i < components.length; i++) {
                out.append(i == 0 ? "" : ", ").append(components[i].getName()).append('=');
                describe(componentValue(components[i], record), out);
            }
            out.append(']');
        } else if (value instanceof Collection<?> collection) {
            out.append('[');
            String separator = "";
            for (Object element : collection) {
                out.append(separator);
                describe(element, out);
                separator = ", ";
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            String separator = "";
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(separator);
                describe(entry.getKey(), out);
                out.append('=');
                describe(entry.getValue(), out);
                separator = ", ";
            }
            out.append('}');
        } else {
            out.append(value);
        }
    }

    private static Object componentValue(RecordComponent component, Record record) {
        try {
            Method accessor = component.getAccessor();
            accessor.setAccessible(true); // a record nested privately in the core
            return accessor.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component + " of a " + record.getClass().getName(), e);
        }
    }

    /** The files the build reads, in a fixed order; media entries by name, each as a file or (not packed) another entry. */
    private static List<Input> inputs(DeckRequest request) throws IOException {
        List<Input> inputs = new ArrayList<>();
        if (request.descriptionFile() != null) {
            inputs.add(new Input("description file", request.descriptionFile().path(), true));
        }
        if (request.previousRelease() != null) {
            inputs.add(new Input("previous release", request.previousRelease(), true));
        }
        for (CardFile card : request.cardFiles()) {
            inputs.add(new Input("card file " + card.displayPath(), card.path(), true));
        }
        Path media = request.mediaDirectory();
        if (media != null && Files.isDirectory(media)) {
            try (Stream<Path> children = Files.list(media)) {
                for (Path entry : children.sorted(Comparator.comparing(path -> path.getFileName().toString())).toList()) {
                    boolean file = Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS);
                    inputs.add(new Input((file ? "media file " : "media entry ") + entry.getFileName(), entry, file));
                }
            }
        }
        return inputs;
    }

    /** Each input's label, size and modification time: what changes when someone saves a file. */
    private static List<String> state(List<Input> inputs) throws IOException {
        List<String> state = new ArrayList<>();
        for (Input input : inputs) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(input.path(), BasicFileAttributes.class);
                state.add(input.label() + " " + attributes.size() + " " + attributes.lastModifiedTime().toMillis());
            } catch (NoSuchFileException e) {
                state.add(input.label() + " missing");
            }
        }
        return state;
    }

    /**
     * {@link #of} computed on a thread of its own: hashing the card files of a big deck takes a
     * while, and a package that must be built anyway need not wait for it. The size and time of
     * every input are noted first, so that {@link Pending#ifInputsUnchanged} can tell whether a file
     * was saved while the build (and the hashing) read it.
     */
    public static Pending inBackground(DeckRequest request, Path output, String pluginVersion, String configuredTimestamp) {
        List<String> before;
        FutureTask<String> task;
        try {
            List<Input> inputs = inputs(request);
            before = state(inputs);
            task = new FutureTask<>(() -> digest(request, output, pluginVersion, configuredTimestamp, inputs));
        } catch (IOException e) {
            before = null;
            task = new FutureTask<>(() -> {
                throw e;
            });
        }
        Thread thread = new Thread(task, "anki-fingerprint");
        thread.setDaemon(true);
        thread.start();
        return new Pending(task, request, before);
    }

    /** A fingerprint on its way. */
    public static final class Pending {
        private final FutureTask<String> task;
        private final DeckRequest request;
        private final List<String> before;

        private Pending(FutureTask<String> task, DeckRequest request, List<String> before) {
            this.task = task;
            this.request = request;
            this.before = before;
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

        /**
         * The fingerprint, or null when it cannot be computed (an input is missing or unreadable):
         * then nothing can be up to date, and the build itself reports the problem.
         */
        public String orNull() {
            try {
                return get();
            } catch (IOException e) {
                return null;
            }
        }

        /**
         * The fingerprint to keep after a build: null unless it was computed and every input still
         * has the size and time it had before the build, with no media entry added or removed. A
         * file saved during the build may have given the package its old content and the
         * fingerprint its new one; without a fingerprint the next build is not skipped.
         */
        public String ifInputsUnchanged() {
            String fingerprint = orNull();
            try {
                return fingerprint != null && before != null && state(inputs(request)).equals(before) ? fingerprint : null;
            } catch (IOException e) {
                return null;
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
