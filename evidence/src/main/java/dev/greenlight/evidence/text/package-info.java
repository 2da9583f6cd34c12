/**
 * Parsers for the line-based text formats: LCOV.
 */
@NullMarked
package dev.greenlight.evidence.text;

import org.jspecify.annotations.NullMarked;
