package dev.greenlight.evidence.text;

import java.io.IOException;
import java.io.Reader;

import org.jspecify.annotations.Nullable;

import dev.greenlight.evidence.EvidenceLimitException;

/**
 * Reads lines ({@code \n}, {@code \r\n} or {@code \r}) without ever holding more than one line of a bounded length:
 * {@link java.io.BufferedReader#readLine()} would read a 2 GB "line" into memory before anyone could object.
 */
final class BoundedLineReader {
    private final Reader reader;
    private final int maxLength;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private long lineNumber;
    private boolean skipLineFeed;

    BoundedLineReader(Reader reader, int maxLength) {
        this.reader = reader;
        this.maxLength = maxLength;
    }

    /** The number of the line {@link #readLine()} returned last, from 1. */
    long lineNumber() {
        return lineNumber;
    }

    /** The next line without its terminator, or null at the end. */
    @Nullable String readLine() throws IOException {
        StringBuilder line = null;
        while (true) {
            if (position == limit) {
                limit = reader.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (line == null) {
                        return null;
                    }
                    lineNumber++;
                    return line.toString();
                }
            }
            if (skipLineFeed) {
                skipLineFeed = false;
                if (buffer[position] == '\n') {
                    position++;
                    continue;
                }
            }
            int start = position;
            while (position < limit && buffer[position] != '\n' && buffer[position] != '\r') {
                position++;
            }
            if (line == null) {
                line = new StringBuilder(Math.min(position - start + 16, 256));
            }
            if (line.length() + (position - start) > maxLength) {
                throw new EvidenceLimitException("Line " + (lineNumber + 1) + " is longer than " + maxLength
                        + " characters, the longest value allowed: refused.");
            }
            line.append(buffer, start, position - start);
            if (position < limit) {
                skipLineFeed = buffer[position] == '\r';
                position++;
                lineNumber++;
                return line.toString();
            }
        }
    }
}
