/** Commands that list and create the ordered environments of a project. */
@NullMarked
package dev.greenlight.cli.environments;

import org.jspecify.annotations.NullMarked;
