package dev.greenlight.cli.output;

import java.util.Iterator;
import java.util.List;

/** How a command prints its result. */
public enum OutputFormat {
    /** Aligned columns for people. */
    TABLE,
    /** The server's JSON, pretty-printed, for scripts; lists become one array of every item. */
    JSON;

    /** The lowercase spellings shown in help; parsing is case-insensitive. */
    public static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("table", "json").iterator();
        }
    }
}
