/**
 * RFC 6962 Merkle trees: hashing, appending over a pluggable hash store, inclusion and consistency proofs and their
 * RFC 9162 verification.
 */
@NullMarked
package dev.greenlight.ledger.merkle;

import org.jspecify.annotations.NullMarked;
