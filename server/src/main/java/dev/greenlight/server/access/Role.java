package dev.greenlight.server.access;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.PermissionScope;

/**
 * The roles of Greenlight and the permissions each carries. Project roles hold on one project, or on every project
 * when granted workspace-wide; {@link #WORKSPACE_ADMIN} is only granted workspace-wide. docs/security.md has the
 * table.
 */
public enum Role {
    VIEWER("viewer", EnumSet.of(Permission.PROJECT_READ, Permission.LEDGER_READ)),
    DEVELOPER("developer", EnumSet.of(Permission.PROJECT_READ, Permission.LEDGER_READ, Permission.RELEASES_CREATE, Permission.EVIDENCE_UPLOAD,
            Permission.DECISIONS_RECORD, Permission.WAIVERS_REQUEST, Permission.RELEASES_APPROVE, Permission.DEPLOYMENTS_REPORT)),
    RELEASE_CAPTAIN("release-captain", EnumSet.of(Permission.PROJECT_READ, Permission.LEDGER_READ, Permission.RELEASES_CREATE,
            Permission.EVIDENCE_UPLOAD, Permission.DECISIONS_RECORD, Permission.WAIVERS_REQUEST, Permission.WAIVERS_APPROVE,
            Permission.RELEASES_APPROVE, Permission.PROMOTIONS_REQUEST, Permission.FREEZE_OVERRIDE, Permission.RELEASES_ROLLBACK,
            Permission.DEPLOYMENTS_REPORT)),
    SECURITY("security", EnumSet.of(Permission.PROJECT_READ, Permission.LEDGER_READ, Permission.WAIVERS_REQUEST, Permission.WAIVERS_APPROVE,
            Permission.RELEASES_APPROVE)),
    ADMIN("admin", EnumSet.of(Permission.PROJECT_READ, Permission.LEDGER_READ, Permission.PROJECT_UPDATE,
            Permission.ENVIRONMENTS_MANAGE, Permission.RELEASES_CREATE, Permission.EVIDENCE_UPLOAD, Permission.MEMBERS_MANAGE,
            Permission.DECISIONS_RECORD, Permission.WAIVERS_REQUEST, Permission.RELEASES_APPROVE, Permission.PROMOTIONS_REQUEST,
            Permission.DEPLOYMENTS_REPORT)),
    WORKSPACE_ADMIN("workspace-admin", workspaceAdminPermissions());

    private final String wireName;
    private final Set<Permission> permissions;

    Role(String wireName, Set<Permission> permissions) {
        this.wireName = wireName;
        this.permissions = Set.copyOf(permissions);
    }

    public String wireName() {
        return wireName;
    }

    public boolean grants(Permission permission) {
        return permissions.contains(permission);
    }

    public boolean isProjectRole() {
        return this != WORKSPACE_ADMIN;
    }

    public static Optional<Role> fromWireName(String name) {
        return Arrays.stream(values()).filter(role -> role.wireName.equals(name)).findFirst();
    }

    private static Set<Permission> workspaceAdminPermissions() {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        for (Permission permission : Permission.values()) {
            if (permission.scope() == PermissionScope.PROJECT || permission.scope() == PermissionScope.WORKSPACE) {
                permissions.add(permission);
            }
        }
        return permissions;
    }
}
