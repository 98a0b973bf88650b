package io.github.ankimaven.testsupport.anki;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Just enough protobuf (proto3 wire format) to talk to the Anki backend without protobuf-java. */
final class Proto {
    private Proto() {}

    static final int VARINT = 0, I64 = 1, LEN = 2, I32 = 5;

    /** Message writer. Like proto3, default values (empty string, false, 0) are not written. */
    static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Writer string(int field, String value) {
            return value == null || value.isEmpty() ? this : bytes(field, value.getBytes(StandardCharsets.UTF_8));
        }

        Writer bytes(int field, byte[] value) {
            tag(field, LEN);
            varint(value.length);
            out.writeBytes(value);
            return this;
        }

        /** Embedded message (written even if empty, so that "has" is true on the other side). */
        Writer message(int field, Writer message) {
            return bytes(field, message.toByteArray());
        }

        Writer int64(int field, long value) {  // also int32/uint32/bool/enum; NOT sint32/sint64 (zig-zag)
            if (value != 0) { tag(field, VARINT); varint(value); }
            return this;
        }

        Writer bool(int field, boolean value) {
            return int64(field, value ? 1 : 0);
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }

        private void tag(int field, int wireType) {
            varint(((long) field << 3) | wireType);
        }

        private void varint(long v) {
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }
    }

    /**
     * Streaming reader: {@code while (r.next()) switch (r.field()) { case 1 -> x = r.string(); default -> r.skip(); }}.
     * After {@link #next()} exactly one of the value methods or {@link #skip()} must be called.
     */
    static final class Reader {
        private final byte[] buf;
        private int pos;
        private final int end;
        private int field, wireType;

        Reader(byte[] buf) {
            this(buf, 0, buf.length);
        }

        private Reader(byte[] buf, int start, int end) {
            this.buf = buf;
            this.pos = start;
            this.end = end;
        }

        boolean next() {
            if (pos >= end) return false;
            long tag = readVarint();
            field = (int) (tag >>> 3);
            wireType = (int) (tag & 7);
            return true;
        }

        int field() { return field; }

        /** For packed repeated numbers: whether another value follows. */
        boolean hasMore() { return pos < end; }

        /** For packed repeated numbers: the next value (no tag). */
        long rawVarint() { return readVarint(); }

        long varint() { expect(VARINT); return readVarint(); }

        boolean bool() { return varint() != 0; }

        String string() { return new String(bytes(), StandardCharsets.UTF_8); }

        byte[] bytes() {
            expect(LEN);
            int len = (int) readVarint();
            if (len < 0 || pos + len > end) throw new IllegalStateException("truncated protobuf");
            byte[] b = java.util.Arrays.copyOfRange(buf, pos, pos + len);
            pos += len;
            return b;
        }

        Reader message() { return new Reader(bytes()); }

        void skip() {
            switch (wireType) {
                case VARINT -> readVarint();
                case I64 -> pos += 8;
                case LEN -> {
                    int len = (int) readVarint(); // not "pos += readVarint()": Java reads pos before the call
                    pos += len;
                }
                case I32 -> pos += 4;
                default -> throw new IllegalStateException("unsupported wire type " + wireType);
            }
        }

        private void expect(int type) {
            if (wireType != type) {
                throw new IllegalStateException("field " + field + ": wire type " + wireType + ", expected " + type);
            }
        }

        private long readVarint() {
            long result = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (pos >= end) throw new IllegalStateException("truncated varint");
                byte b = buf[pos++];
                result |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) return result;
            }
            throw new IllegalStateException("malformed varint");
        }
    }
}
