/** Shared plumbing for commands: global options, the per-invocation context and the command factory. */
@NullMarked
package dev.greenlight.cli.command;

import org.jspecify.annotations.NullMarked;
