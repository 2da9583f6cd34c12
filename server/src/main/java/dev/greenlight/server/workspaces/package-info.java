/**
 * Workspaces: the tenant boundary. Every tenant-owned row carries the id of its workspace.
 */
@NullMarked
package dev.greenlight.server.workspaces;

import org.jspecify.annotations.NullMarked;
