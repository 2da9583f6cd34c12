/**
 * Encoding helpers shared by the ledger's parsers; not part of the library's public contract.
 */
@NullMarked
package dev.greenlight.ledger.internal;

import org.jspecify.annotations.NullMarked;
