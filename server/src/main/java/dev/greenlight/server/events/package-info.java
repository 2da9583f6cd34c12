/**
 * Application events that announce a change to a release (new evidence, an approval, a waiver decision, a recorded
 * decision), published by the feature that made the change and heard after its transaction committed. Depends on
 * nothing, so every feature may publish them.
 */
@NullMarked
package dev.greenlight.server.events;

import org.jspecify.annotations.NullMarked;
