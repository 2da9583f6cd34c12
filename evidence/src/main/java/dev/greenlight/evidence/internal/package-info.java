/**
 * Helpers shared by the parser packages; not part of the library's API.
 */
@NullMarked
package dev.greenlight.evidence.internal;

import org.jspecify.annotations.NullMarked;
