package dev.greenlight.evidence.xml;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.jspecify.annotations.Nullable;

import dev.greenlight.evidence.EvidenceLimitException;
import dev.greenlight.evidence.ParseLimits;

/**
 * Bounds the markup the JDK parser would read into memory in one piece before any of our checks could see it: a
 * start tag with its attributes, a CDATA section, a comment or a processing instruction. (It hands plain text over
 * in chunks, so text needs no guard here; {@link XmlCursor} bounds it exactly.) Without this, one 1 GB CDATA section
 * would be buffered whole.
 *
 * <p>It follows the document with a tiny lexer over code units: bytes for UTF-8 and the other ASCII-compatible
 * encodings, 16-bit units for UTF-16. Any other encoding is lexed as bytes, which only makes the guard stricter.
 * The bound is loose (four bytes or two UTF-16 units per character of {@link ParseLimits#maxStringLength()}) so
 * that it never rejects what the exact character limit would accept.
 *
 * <p>It also remembers a failure of the underlying stream, so that the cursor can tell a read error (an
 * {@link java.io.UncheckedIOException} for the caller) from malformed XML.
 */
final class MarkupSizeGuard extends FilterInputStream {
    private enum State { CONTENT, AFTER_LESS_THAN, AFTER_BANG, AFTER_BANG_DASH, COMMENT, CDATA, PROCESSING_INSTRUCTION }

    private static final int LESS_THAN = '<';
    private static final int GREATER_THAN = '>';

    private final long maxUnits;
    private final int unitBytes;
    private final boolean bigEndian;
    private final long maxStringLength;

    private State state = State.CONTENT;
    private long run;
    private int previous = -1;
    private int beforePrevious = -1;
    private int pendingByte = -1;
    private @Nullable IOException readFailure;

    /**
     * @param input the document, positioned at its first byte
     * @param firstBytes up to the first four bytes of the document (without consuming them), to choose the unit width
     */
    MarkupSizeGuard(InputStream input, byte[] firstBytes, ParseLimits limits) {
        super(input);
        this.maxStringLength = limits.maxStringLength();
        boolean utf16BigEndian = startsWith(firstBytes, 0xFE, 0xFF) || startsWith(firstBytes, 0x00, LESS_THAN);
        boolean utf16LittleEndian = !startsWith(firstBytes, 0xFF, 0xFE, 0x00, 0x00)
                && (startsWith(firstBytes, 0xFF, 0xFE) || startsWith(firstBytes, LESS_THAN, 0x00));
        this.unitBytes = utf16BigEndian || utf16LittleEndian ? 2 : 1;
        this.bigEndian = utf16BigEndian;
        this.maxUnits = maxStringLength * (unitBytes == 2 ? 2 : 4) + 64;
    }

    /** The exception the underlying stream threw, if it threw one. */
    @Nullable IOException readFailure() {
        return readFailure;
    }

    @Override
    public int read() throws IOException {
        int value = readSource();
        if (value >= 0) {
            accept(value);
        }
        return value;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int count = readSource(buffer, offset, length);
        for (int i = 0; i < count; i++) {
            accept(buffer[offset + i] & 0xFF);
        }
        return count;
    }

    @Override
    public long skip(long n) throws IOException {
        // The parser never skips; reading through keeps the lexer in step if it ever does.
        byte[] discard = new byte[(int) Math.min(n, 8192)];
        int read = read(discard, 0, discard.length);
        return Math.max(read, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private int readSource() throws IOException {
        try {
            return in.read();
        } catch (IOException e) {
            readFailure = e;
            throw e;
        }
    }

    private int readSource(byte[] buffer, int offset, int length) throws IOException {
        try {
            return in.read(buffer, offset, length);
        } catch (IOException e) {
            readFailure = e;
            throw e;
        }
    }

    private void accept(int octet) {
        if (unitBytes == 1) {
            lex(octet);
        } else if (pendingByte < 0) {
            pendingByte = octet;
        } else {
            lex(bigEndian ? pendingByte << 8 | octet : octet << 8 | pendingByte);
            pendingByte = -1;
        }
    }

    private void lex(int unit) {
        run++;
        State next = switch (state) {
            case CONTENT -> unit == LESS_THAN ? restart(State.AFTER_LESS_THAN) : State.CONTENT;
            case AFTER_LESS_THAN -> switch (unit) {
                case '!' -> State.AFTER_BANG;
                case '?' -> State.PROCESSING_INSTRUCTION;
                case LESS_THAN -> restart(State.AFTER_LESS_THAN);
                default -> State.CONTENT;
            };
            case AFTER_BANG -> switch (unit) {
                case '-' -> State.AFTER_BANG_DASH;
                case '[' -> State.CDATA;
                case LESS_THAN -> restart(State.AFTER_LESS_THAN);
                // A DOCTYPE: the JDK parser does not keep its text, so it is lexed as content.
                default -> State.CONTENT;
            };
            case AFTER_BANG_DASH -> unit == '-' ? State.COMMENT : unit == LESS_THAN ? restart(State.AFTER_LESS_THAN) : State.CONTENT;
            case COMMENT -> ends(unit, '-', '-') ? restart(State.CONTENT) : State.COMMENT;
            case CDATA -> ends(unit, ']', ']') ? restart(State.CONTENT) : State.CDATA;
            case PROCESSING_INSTRUCTION -> previous == '?' && unit == GREATER_THAN ? restart(State.CONTENT) : State.PROCESSING_INSTRUCTION;
        };
        if (next != state && (next == State.COMMENT || next == State.CDATA || next == State.PROCESSING_INSTRUCTION)) {
            // The terminator must lie wholly inside: "<!-->" does not end the comment it opens.
            beforePrevious = -1;
            previous = -1;
        } else {
            beforePrevious = previous;
            previous = unit;
        }
        state = next;
        if (run > maxUnits) {
            throw new EvidenceLimitException("The XML has a tag, comment, CDATA section or processing instruction longer than "
                    + maxStringLength + " characters, the longest value allowed: refused.");
        }
    }

    private boolean ends(int unit, int first, int second) {
        return unit == GREATER_THAN && previous == second && beforePrevious == first;
    }

    private State restart(State next) {
        run = 0;
        return next;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
