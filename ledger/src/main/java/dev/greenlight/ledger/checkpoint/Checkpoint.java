package dev.greenlight.ledger.checkpoint;

import static java.util.Objects.requireNonNull;

import dev.greenlight.ledger.Hash;
import dev.greenlight.ledger.LedgerErrorCode;
import dev.greenlight.ledger.LedgerFormatException;
import dev.greenlight.ledger.TreeHead;
import dev.greenlight.ledger.internal.NoteText;
import dev.greenlight.ledger.internal.StrictDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of a checkpoint (c2sp.org/tlog-checkpoint v1.0.0): origin, tree size and root hash, one per line, then
 * optional extension lines, every line ending in a newline.
 *
 * @param origin the log's identity, for instance {@code greenlight.example.com/ledger}; non-empty
 * @param size the tree size
 * @param root the tree's root hash
 * @param extensions opaque non-empty extension lines (not recommended by the format; empty for Greenlight)
 */
public record Checkpoint(String origin, long size, Hash root, List<String> extensions) {
    public Checkpoint {
        requireNonNull(origin, "origin is null");
        requireNonNull(root, "root is null");
        extensions = List.copyOf(requireNonNull(extensions, "extensions is null"));
        if (origin.isEmpty() || origin.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("origin must be one non-empty line");
        }
        if (size < 0) {
            throw new IllegalArgumentException("tree size is negative: " + size);
        }
        for (String extension : extensions) {
            if (extension.isEmpty() || extension.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("an extension is one non-empty line");
            }
        }
    }

    /** Returns the checkpoint of {@code treeHead} under {@code origin}, without extensions. */
    public static Checkpoint of(String origin, TreeHead treeHead) {
        requireNonNull(treeHead, "treeHead is null");
        return new Checkpoint(origin, treeHead.size(), treeHead.root(), List.of());
    }

    /** Returns the tree head this checkpoint commits to. */
    public TreeHead treeHead() {
        return new TreeHead(size, root);
    }

    /** Returns the note text: the exact bytes a log signs. */
    public String toText() {
        StringBuilder text = new StringBuilder()
                .append(origin).append('\n')
                .append(size).append('\n')
                .append(root.base64()).append('\n');
        extensions.forEach(extension -> text.append(extension).append('\n'));
        return text.toString();
    }

    /**
     * Parses a checkpoint text strictly: at least three lines, each ending in a newline and none empty, a decimal
     * size without leading zeros, the canonical padded base64 of a 32-byte root, no control characters.
     *
     * @throws LedgerFormatException if the text is not a checkpoint
     */
    public static Checkpoint parse(String text) {
        requireNonNull(text, "text is null");
        NoteText.checkNoControlCharacters(text, LedgerErrorCode.MALFORMED_CHECKPOINT, "checkpoint");
        if (!text.endsWith("\n")) {
            throw malformed("checkpoint text does not end in a newline");
        }
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            String line = text.substring(start, end);
            if (line.isEmpty()) {
                throw malformed("checkpoint line " + (lines.size() + 1) + " is empty");
            }
            lines.add(line);
            start = end + 1;
        }
        if (lines.size() < 3) {
            throw malformed("a checkpoint has at least three lines (origin, size, root); this one has " + lines.size());
        }
        long size = StrictDecimal.parse(lines.get(1), LedgerErrorCode.MALFORMED_CHECKPOINT, "checkpoint tree size");
        Hash root;
        try {
            root = Hash.fromBase64(lines.get(2));
        } catch (LedgerFormatException e) {
            throw new LedgerFormatException(LedgerErrorCode.MALFORMED_CHECKPOINT, "checkpoint root: " + e.getMessage(), e);
        }
        return new Checkpoint(lines.get(0), size, root, lines.subList(3, lines.size()));
    }

    private static LedgerFormatException malformed(String message) {
        return new LedgerFormatException(LedgerErrorCode.MALFORMED_CHECKPOINT, message);
    }
}
