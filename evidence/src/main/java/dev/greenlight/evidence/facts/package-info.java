/**
 * The facts each evidence family yields: typed records for parsers to fill, each with the map view (names documented
 * in docs/facts.md) that policies read and the API shows.
 */
@NullMarked
package dev.greenlight.evidence.facts;

import org.jspecify.annotations.NullMarked;
