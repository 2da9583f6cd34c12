package dev.greenlight.ledger.audit;

/**
 * Receives each entry an audit reads, in index order, for application-level checks.
 *
 * <p>Entries are handed over as they are read, before the audit has compared the recomputed root with the signed
 * one: treat them as proven only once {@link LogVerifier#audit} has returned.
 */
@FunctionalInterface
public interface EntryVisitor {
    /** An entry visitor that does nothing. */
    EntryVisitor IGNORE = (index, entry) -> {};

    /**
     * Called once per entry. Throwing stops the audit and propagates the exception.
     *
     * @param index the entry's index in the log
     * @param entry the entry bytes, exactly as logged
     */
    void visit(long index, byte[] entry);
}
