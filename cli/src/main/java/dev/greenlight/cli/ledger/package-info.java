/**
 * The {@code ledger} commands: verify a {@code .tlog-proof} file offline, and audit a workspace's
 * transparency log over HTTP against the checkpoint this machine saw last time.
 */
@NullMarked
package dev.greenlight.cli.ledger;

import org.jspecify.annotations.NullMarked;
