/**
 * Offline policy-pack commands: run a pack's embedded tests, and evaluate a pack over a facts file. Neither needs a
 * server or a login; both use the same policy library as the server, so a pack behaves here as it will there.
 */
@NullMarked
package dev.greenlight.cli.policy;

import org.jspecify.annotations.NullMarked;
