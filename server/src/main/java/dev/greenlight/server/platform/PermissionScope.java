package dev.greenlight.server.platform;

/** Where a permission is granted, and therefore what a check needs to know besides the caller. */
public enum PermissionScope {
    /** Any signed-in caller holds it; used for endpoints about the caller itself. */
    SIGNED_IN,
    /** Held through a project role (granted on that project, or workspace-wide); the request names the project. */
    PROJECT,
    /** Held through a workspace-wide role. */
    WORKSPACE,
    /** Held by instance administrators only. */
    INSTANCE
}
