/** Renders server responses as aligned tables or pretty JSON. */
@NullMarked
package dev.greenlight.cli.output;

import org.jspecify.annotations.NullMarked;
