/** Commands that list, create and show the releases of a project. */
@NullMarked
package dev.greenlight.cli.releases;

import org.jspecify.annotations.NullMarked;
