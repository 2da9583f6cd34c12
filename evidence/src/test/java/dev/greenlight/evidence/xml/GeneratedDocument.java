package dev.greenlight.evidence.xml;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;

/** A document of a head, {@code count} generated items and a tail, produced as it is read: never held in memory. */
public final class GeneratedDocument extends InputStream {
    private final String tail;
    private final IntFunction<String> item;
    private final int count;
    private int next;
    private byte[] chunk;
    private int position;
    private boolean tailDone;

    public GeneratedDocument(String head, IntFunction<String> item, int count, String tail) {
        this.item = item;
        this.count = count;
        this.tail = tail;
        this.chunk = head.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int read() {
        byte[] single = new byte[1];
        return read(single, 0, 1) < 0 ? -1 : single[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        while (position == chunk.length) {
            if (next < count) {
                chunk = item.apply(next++).getBytes(StandardCharsets.UTF_8);
            } else if (!tailDone) {
                chunk = tail.getBytes(StandardCharsets.UTF_8);
                tailDone = true;
            } else {
                return -1;
            }
            position = 0;
        }
        int copied = Math.min(length, chunk.length - position);
        System.arraycopy(chunk, position, buffer, offset, copied);
        position += copied;
        return copied;
    }
}
