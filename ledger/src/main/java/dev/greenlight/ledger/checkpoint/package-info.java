/**
 * Checkpoints (c2sp.org/tlog-checkpoint): the signed tree heads of the log, their strict parsing, and a signer that
 * never signs a tree head inconsistent with the last one it signed.
 */
@NullMarked
package dev.greenlight.ledger.checkpoint;

import org.jspecify.annotations.NullMarked;
