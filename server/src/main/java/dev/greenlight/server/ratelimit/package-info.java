/**
 * Rate limits: token buckets per client address and per credential, kept in PostgreSQL so that every node draws
 * from the same buckets.
 */
@NullMarked
package dev.greenlight.server.ratelimit;

import org.jspecify.annotations.NullMarked;
