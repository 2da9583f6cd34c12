/**
 * Releases: one version of a project, with its commit and the digests of the artifacts it ships.
 */
@NullMarked
package dev.greenlight.server.releases;

import org.jspecify.annotations.NullMarked;
