/**
 * The ledger: an RFC 6962 Merkle log with C2SP signed checkpoints, tiles and offline proofs, free of Spring so
 * that the CLI and outside verifiers can use it.
 */
@NullMarked
package dev.greenlight.ledger;

import org.jspecify.annotations.NullMarked;
