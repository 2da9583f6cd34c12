/**
 * Tiled transparency logs (c2sp.org/tlog-tiles): tile paths, which tiles a tree size has, hash tiles, entry bundles,
 * and a hash store that reads a log's hashes out of its tiles.
 */
@NullMarked
package dev.greenlight.ledger.tiles;

import org.jspecify.annotations.NullMarked;
