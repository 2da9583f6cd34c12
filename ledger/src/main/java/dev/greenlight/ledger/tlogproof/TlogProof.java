package dev.greenlight.ledger.tlogproof;

import static java.util.Objects.requireNonNull;

import dev.greenlight.ledger.Hash;
import dev.greenlight.ledger.LedgerErrorCode;
import dev.greenlight.ledger.LedgerFormatException;
import dev.greenlight.ledger.internal.NoteText;
import dev.greenlight.ledger.internal.StrictBase64;
import dev.greenlight.ledger.internal.StrictDecimal;
import dev.greenlight.ledger.merkle.InclusionProof;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A transparency log proof (c2sp.org/tlog-proof@v1): everything needed to check offline, with only the log's
 * public key, that an entry is in the log.
 *
 * <pre>
 * c2sp.org/tlog-proof@v1
 * extra &lt;base64&gt;        (optional, unauthenticated application data)
 * index &lt;decimal&gt;
 * &lt;base64 hash&gt;          (one line per inclusion proof hash, leaf's sibling first)
 *                       (empty line)
 * &lt;signed checkpoint, verbatim&gt;
 * </pre>
 *
 * <p>Files should be stored with the extension {@code .tlog-proof}. Parsing checks the form only; use
 * {@link TlogProofVerifier} to check what a proof claims.
 *
 * @param extra the optional extra data, which nothing authenticates, or null if the line is absent
 * @param index the entry's index in the log
 * @param hashes the inclusion proof in the checkpoint's tree
 * @param signedCheckpoint the signed checkpoint note, exactly as the log published it
 */
public record TlogProof(byte @Nullable [] extra, long index, List<Hash> hashes, byte[] signedCheckpoint) {
    /** The first line of every proof. */
    public static final String HEADER = "c2sp.org/tlog-proof@v1";

    /** More hashes than any inclusion proof in a tree of at most 2^63 − 1 entries can have. */
    private static final int MAX_HASHES = 63;

    public TlogProof {
        extra = extra == null ? null : extra.clone();
        if (index < 0) {
            throw new IllegalArgumentException("index is negative: " + index);
        }
        hashes = List.copyOf(requireNonNull(hashes, "hashes is null"));
        signedCheckpoint = requireNonNull(signedCheckpoint, "signedCheckpoint is null").clone();
        if (hashes.size() > MAX_HASHES) {
            throw new IllegalArgumentException("an inclusion proof has at most " + MAX_HASHES + " hashes");
        }
    }

    /** Returns the proof of {@code inclusionProof}, whose tree is the one {@code signedCheckpoint} signs. */
    public static TlogProof of(InclusionProof inclusionProof, byte[] signedCheckpoint) {
        requireNonNull(inclusionProof, "inclusionProof is null");
        return new TlogProof(null, inclusionProof.index(), inclusionProof.hashes(), signedCheckpoint);
    }

    @Override
    public byte @Nullable [] extra() {
        return extra == null ? null : extra.clone();
    }

    /** Returns the extra data, if the proof has an extra line. */
    public Optional<byte[]> extraData() {
        return Optional.ofNullable(extra());
    }

    @Override
    public byte[] signedCheckpoint() {
        return signedCheckpoint.clone();
    }

    /** Returns the file's bytes. */
    public byte[] toBytes() {
        StringBuilder head = new StringBuilder(HEADER).append('\n');
        if (extra != null) {
            head.append("extra ").append(StrictBase64.encode(extra)).append('\n');
        }
        head.append("index ").append(index).append('\n');
        hashes.forEach(hash -> head.append(hash.base64()).append('\n'));
        head.append('\n');
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
        file.writeBytes(signedCheckpoint);
        return file.toByteArray();
    }

    /**
     * Parses a proof file strictly: the exact header, an optional {@code extra} line of canonical base64, an
     * {@code index} line without leading zeros, canonical base64 lines of 32-byte hashes, an empty line and a
     * non-empty, valid UTF-8 checkpoint note (whose signatures this does not check).
     *
     * @throws LedgerFormatException if the bytes are not a tlog-proof
     */
    public static TlogProof parse(byte[] file) {
        requireNonNull(file, "file is null");
        int position = 0;
        Line header = Line.at(file, position);
        if (!header.text.equals(HEADER)) {
            throw malformed("a tlog-proof starts with the line " + HEADER);
        }
        position = header.next;
        Line line = Line.at(file, position);
        byte @Nullable [] extra = null;
        if (line.text.startsWith("extra ")) {
            extra = StrictBase64.decode(line.text.substring("extra ".length()), LedgerErrorCode.MALFORMED_TLOG_PROOF, "extra data");
            position = line.next;
            line = Line.at(file, position);
        }
        if (!line.text.startsWith("index ")) {
            throw malformed("expected the index line, found " + StrictDecimal.quote(line.text));
        }
        long index = StrictDecimal.parse(line.text.substring("index ".length()), LedgerErrorCode.MALFORMED_TLOG_PROOF, "index");
        position = line.next;
        List<Hash> hashes = new ArrayList<>();
        while (true) {
            line = Line.at(file, position);
            position = line.next;
            if (line.text.isEmpty()) {
                break;
            }
            if (hashes.size() == MAX_HASHES) {
                throw malformed("more than " + MAX_HASHES + " proof hashes");
            }
            try {
                hashes.add(Hash.fromBase64(line.text));
            } catch (LedgerFormatException e) {
                throw new LedgerFormatException(
                        LedgerErrorCode.MALFORMED_TLOG_PROOF, "proof hash " + hashes.size() + ": " + e.getMessage(), e);
            }
        }
        byte[] checkpoint = Arrays.copyOfRange(file, position, file.length);
        if (checkpoint.length == 0) {
            throw malformed("the signed checkpoint is missing");
        }
        NoteText.decode(checkpoint, LedgerErrorCode.MALFORMED_TLOG_PROOF, "signed checkpoint");
        return new TlogProof(extra, index, hashes, checkpoint);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof TlogProof that
                && Arrays.equals(extra, that.extra)
                && index == that.index
                && hashes.equals(that.hashes)
                && Arrays.equals(signedCheckpoint, that.signedCheckpoint);
    }

    @Override
    public int hashCode() {
        return ((Arrays.hashCode(extra) * 31 + Long.hashCode(index)) * 31 + hashes.hashCode()) * 31
                + Arrays.hashCode(signedCheckpoint);
    }

    @Override
    public String toString() {
        return "TlogProof[index " + index + ", " + hashes.size() + " hashes]";
    }

    private static LedgerFormatException malformed(String message) {
        return new LedgerFormatException(LedgerErrorCode.MALFORMED_TLOG_PROOF, message);
    }

    /** One newline-terminated ASCII line of the proof head. */
    private record Line(String text, int next) {
        static Line at(byte[] file, int start) {
            for (int i = start; i < file.length; i++) {
                byte b = file[i];
                if (b == '\n') {
                    return new Line(new String(file, start, i - start, StandardCharsets.US_ASCII), i + 1);
                }
                if (b < 0x20 || b > 0x7e) {
                    throw malformed(String.format("unexpected byte 0x%02x in the proof head at offset %d", b & 0xff, i));
                }
            }
            throw malformed("the proof ends before its checkpoint");
        }
    }
}
