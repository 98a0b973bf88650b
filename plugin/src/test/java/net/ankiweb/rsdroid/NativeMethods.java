package net.ankiweb.rsdroid;

/**
 * JNI entry points of librsdroid (anki-android-backend 0.1.25 / Anki 2.1.66).
 *
 * <p>The class name is fixed by the exported symbols {@code Java_net_ankiweb_rsdroid_NativeMethods_*}.
 * The original Kotlin {@code object} declares them as instance methods; the Rust side ignores its
 * second JNI argument (declared {@code JClass}), so {@code static native} works the same.
 * Load the library with {@link io.github.ankimaven.testsupport.anki.AnkiBackend} (which calls {@code System.load}) first.
 */
public final class NativeMethods {
    private NativeMethods() {}

    /** @param backendInit protobuf {@code anki.backend.BackendInit}
     *  @return {@code [Int64(backend pointer), null]} or {@code [null, BackendError]} */
    public static native byte[][] openBackend(byte[] backendInit);

    /** @return {@code [response, null]} or {@code [null, BackendError]}; all byte[] are protobuf */
    public static native byte[][] runMethodRaw(long backend, int service, int method, byte[] request);

    /** Frees the backend (and drops an open collection without a proper close). */
    public static native void closeBackend(long backend);
}
