package io.github.ankimaven.testsupport.anki;

/** A {@code anki.backend.BackendError} returned by the native backend. */
public final class AnkiBackendException extends RuntimeException {
    /** {@code BackendError.Kind}, e.g. 0 INVALID_INPUT, 4 IO_ERROR, 5 DB_ERROR, 11 NOT_FOUND_ERROR, 16 IMPORT_ERROR, 19 ANKIDROID_PANIC_ERROR. */
    private final int kind;
    private final String backendMessage;

    AnkiBackendException(String message, int kind, String context) {
        super(message + " (kind " + kind + ")" + (context.isEmpty() ? "" : "\n" + context));
        this.kind = kind;
        this.backendMessage = message;
    }

    public int kind() {
        return kind;
    }

    /** The error text exactly as Anki produced it (e.g. the HTML notice for a broken card template). */
    public String backendMessage() {
        return backendMessage;
    }

    /** Decodes {@code BackendError{1: message, 2: kind, 3: help_page, 4: context, 5: backtrace}}. */
    static AnkiBackendException decode(byte[] error) {
        String message = "";
        String context = "";
        int kind = 0;
        Proto.Reader r = new Proto.Reader(error);
        while (r.next()) {
            switch (r.field()) {
                case 1 -> message = r.string();
                case 2 -> kind = (int) r.varint();
                case 4 -> context = r.string();
                default -> r.skip();
            }
        }
        return new AnkiBackendException(message, kind, context);
    }
}
