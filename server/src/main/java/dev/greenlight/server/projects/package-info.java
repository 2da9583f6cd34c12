/**
 * Projects (one deployable service each) and their ordered environments.
 */
@NullMarked
package dev.greenlight.server.projects;

import org.jspecify.annotations.NullMarked;
