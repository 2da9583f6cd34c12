/**
 * Commands that ask a release's gate for its verdict (and wait for it to turn ready), record a decision and replay one.
 */
@NullMarked
package dev.greenlight.cli.gates;

import org.jspecify.annotations.NullMarked;
