/**
 * Announcements that a release changed (new evidence, an approval, a waiver decision, a recorded decision, a
 * promotion), and their delivery to every node: a {@link dev.greenlight.server.events.ReleaseChanged} published in a
 * writer's transaction becomes a PostgreSQL NOTIFY in that transaction, and each node's one listening connection turns
 * what commits into {@link dev.greenlight.server.events.ReleaseChangeCommitted} events. Depends on no other feature,
 * so every feature may publish.
 */
@NullMarked
package dev.greenlight.server.events;

import org.jspecify.annotations.NullMarked;
