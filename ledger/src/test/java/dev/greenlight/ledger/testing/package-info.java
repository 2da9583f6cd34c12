/** Test fixtures: a complete in-memory log and fixed keys. */
@NullMarked
package dev.greenlight.ledger.testing;

import org.jspecify.annotations.NullMarked;
