package dev.greenlight.server.platform;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a handler needs the caller to hold. Names are the API key scope names, so they are part of the contract.
 */
public enum Permission {
    SELF("self", PermissionScope.SIGNED_IN),
    API_KEYS_OWN("api-keys:own", PermissionScope.SIGNED_IN),
    /** Policy packs are the workspace's shared rules: every member may read them. */
    POLICIES_READ("policies:read", PermissionScope.SIGNED_IN),

    PROJECT_READ("project:read", PermissionScope.PROJECT),
    PROJECT_UPDATE("project:update", PermissionScope.PROJECT),
    ENVIRONMENTS_MANAGE("environments:manage", PermissionScope.PROJECT),
    RELEASES_CREATE("releases:create", PermissionScope.PROJECT),
    EVIDENCE_UPLOAD("evidence:upload", PermissionScope.PROJECT),
    MEMBERS_MANAGE("members:manage", PermissionScope.PROJECT),
    DECISIONS_RECORD("decisions:record", PermissionScope.PROJECT),
    WAIVERS_REQUEST("waivers:request", PermissionScope.PROJECT),
    WAIVERS_APPROVE("waivers:approve", PermissionScope.PROJECT),
    RELEASES_APPROVE("releases:approve", PermissionScope.PROJECT),
    /** Request, cancel and advance promotions of a release into an environment. */
    PROMOTIONS_REQUEST("promotions:request", PermissionScope.PROJECT),
    /** Promote during a freeze window (with a reason); logged as an override. */
    FREEZE_OVERRIDE("freeze:override", PermissionScope.PROJECT),
    /** Roll an environment back to an earlier release. */
    RELEASES_ROLLBACK("releases:rollback", PermissionScope.PROJECT),
    /** What a CD system or a service reports back: deployment status and pushed health metrics. */
    DEPLOYMENTS_REPORT("deployments:report", PermissionScope.PROJECT),

    PROJECTS_CREATE("projects:create", PermissionScope.WORKSPACE),
    WORKSPACE_READ("workspace:read", PermissionScope.WORKSPACE),
    WORKSPACE_ADMIN("workspace:admin", PermissionScope.WORKSPACE),
    LEDGER_READ("ledger:read", PermissionScope.WORKSPACE),
    LEDGER_SIGN("ledger:sign", PermissionScope.WORKSPACE),
    POLICIES_MANAGE("policies:manage", PermissionScope.WORKSPACE),
    /** See and replay the workspace's dead-lettered jobs. */
    JOBS_MANAGE("jobs:manage", PermissionScope.WORKSPACE),

    WORKSPACES_CREATE("workspaces:create", PermissionScope.INSTANCE),
    LEDGER_KEYS_MANAGE("ledger-keys:manage", PermissionScope.INSTANCE);

    private final String scopeName;
    private final PermissionScope scope;

    Permission(String scopeName, PermissionScope scope) {
        this.scopeName = scopeName;
        this.scope = scope;
    }

    /** The name used in API key scopes and in error messages. */
    public String scopeName() {
        return scopeName;
    }

    public PermissionScope scope() {
        return scope;
    }

    public static Optional<Permission> byScopeName(String name) {
        return Arrays.stream(values()).filter(permission -> permission.scopeName.equals(name)).findFirst();
    }
}
