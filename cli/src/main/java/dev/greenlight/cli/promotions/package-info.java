/**
 * Commands that promote a release into an environment (and follow the promotion to its end), show promotions, and
 * roll an environment back to a release it ran well before.
 */
@NullMarked
package dev.greenlight.cli.promotions;

import org.jspecify.annotations.NullMarked;
