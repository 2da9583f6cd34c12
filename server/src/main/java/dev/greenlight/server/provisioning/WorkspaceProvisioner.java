package dev.greenlight.server.provisioning;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.greenlight.server.access.Role;
import dev.greenlight.server.access.RoleGrants;
import dev.greenlight.server.identity.ApiKeys;
import dev.greenlight.server.identity.IssuedApiKey;
import dev.greenlight.server.identity.Principal;
import dev.greenlight.server.identity.Principals;
import dev.greenlight.server.platform.PrincipalKind;
import dev.greenlight.server.workspaces.Workspace;
import dev.greenlight.server.workspaces.Workspaces;

/** Creates a workspace together with its first administrator and that administrator's API key, atomically. */
@Service
class WorkspaceProvisioner {
    private final Workspaces workspaces;
    private final Principals principals;
    private final RoleGrants grants;
    private final ApiKeys apiKeys;

    WorkspaceProvisioner(Workspaces workspaces, Principals principals, RoleGrants grants, ApiKeys apiKeys) {
        this.workspaces = workspaces;
        this.principals = principals;
        this.grants = grants;
        this.apiKeys = apiKeys;
    }

    record ProvisionedWorkspace(Workspace workspace, Principal admin, IssuedApiKey key) {
        ProvisionedWorkspace {
            requireNonNull(workspace, "workspace is null");
            requireNonNull(admin, "admin is null");
            requireNonNull(key, "key is null");
        }
    }

    @Transactional
    ProvisionedWorkspace provision(String slug, String name, String adminName, boolean instanceAdmin) {
        Workspace workspace = workspaces.create(slug, name);
        Principal admin = principals.create(new Principals.NewPrincipal(workspace.id(), PrincipalKind.USER, adminName,
                "Administrator", null, null, null, null, instanceAdmin));
        grants.replace(workspace.id(), admin.id(), null, Set.of(Role.WORKSPACE_ADMIN), null);
        IssuedApiKey key = apiKeys.issue(admin, "bootstrap", List.of(ApiKeys.ALL_SCOPES), null, null);
        return new ProvisionedWorkspace(workspace, admin, key);
    }
}
