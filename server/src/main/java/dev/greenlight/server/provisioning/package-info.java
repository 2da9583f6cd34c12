/**
 * Provisioning: the first start of an installation (default workspace, bootstrap administrator and its one-time
 * key) and the creation of further workspaces with their first administrator.
 */
@NullMarked
package dev.greenlight.server.provisioning;

import org.jspecify.annotations.NullMarked;
