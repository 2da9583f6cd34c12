/** Commands that list and create projects. */
@NullMarked
package dev.greenlight.cli.projects;

import org.jspecify.annotations.NullMarked;
