/** The {@code greenlight} command-line entry point and its command tree. */
@NullMarked
package dev.greenlight.cli;

import org.jspecify.annotations.NullMarked;
