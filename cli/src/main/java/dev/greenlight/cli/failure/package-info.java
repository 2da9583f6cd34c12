/** The typed failures every command may end with, and the process exit codes they map to. */
@NullMarked
package dev.greenlight.cli.failure;

import org.jspecify.annotations.NullMarked;
