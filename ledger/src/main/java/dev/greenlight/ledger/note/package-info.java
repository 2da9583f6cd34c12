/**
 * C2SP signed notes (c2sp.org/signed-note) with Ed25519 keys: key strings, signing, strict parsing and verification.
 */
@NullMarked
package dev.greenlight.ledger.note;

import org.jspecify.annotations.NullMarked;
