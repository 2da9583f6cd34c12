/**
 * Offline proofs of inclusion (c2sp.org/tlog-proof@v1): writing, strict parsing and one-call verification of
 * {@code .tlog-proof} files.
 */
@NullMarked
package dev.greenlight.ledger.tlogproof;

import org.jspecify.annotations.NullMarked;
