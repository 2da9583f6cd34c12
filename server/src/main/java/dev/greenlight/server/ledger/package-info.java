/**
 * The ledger in the server: one verifiable log per workspace that other features append to inside their own
 * transactions, integrated and signed by one elected sequencer, and served as C2SP tiles and proofs.
 */
@NullMarked
package dev.greenlight.server.ledger;

import org.jspecify.annotations.NullMarked;
