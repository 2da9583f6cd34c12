/**
 * Client-side auditing of a tiled log: verifying its checkpoint, recomputing every entry's hash and the root from
 * the published entries, and checking that the log only ever grew.
 */
@NullMarked
package dev.greenlight.ledger.audit;

import org.jspecify.annotations.NullMarked;
