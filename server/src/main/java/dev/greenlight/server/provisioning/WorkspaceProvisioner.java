package dev.greenlight.server.provisioning;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.greenlight.server.access.Role;
import dev.greenlight.server.access.RoleGrants;
import dev.greenlight.server.identity.ApiKeys;
import dev.greenlight.server.identity.IssuedApiKey;
import dev.greenlight.server.identity.Principal;
import dev.greenlight.server.identity.Principals;
import dev.greenlight.server.ledger.Ledger;
import dev.greenlight.server.ledger.LedgerEvent;
import dev.greenlight.server.platform.Actor;
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
    private final Ledger ledger;

    WorkspaceProvisioner(Workspaces workspaces, Principals principals, RoleGrants grants, ApiKeys apiKeys, Ledger ledger) {
        this.workspaces = workspaces;
        this.principals = principals;
        this.grants = grants;
        this.apiKeys = apiKeys;
        this.ledger = ledger;
    }

    record ProvisionedWorkspace(Workspace workspace, Principal admin, IssuedApiKey key) {
        ProvisionedWorkspace {
            requireNonNull(workspace, "workspace is null");
            requireNonNull(admin, "admin is null");
            requireNonNull(key, "key is null");
        }
    }

    /**
     * Creates the workspace, its administrator, the administrator's role and key, and records each in the new
     * workspace's log. {@code requestedBy} names who asked ({@code system} at the first start); someone from another
     * workspace is written {@code name@workspace}.
     */
    @Transactional
    ProvisionedWorkspace provision(String slug, String name, String adminName, boolean instanceAdmin, String requestedBy) {
        Workspace workspace = workspaces.create(slug, name);
        Actor actor = new Actor(null, requestedBy, workspace.id(), workspace.slug());
        ledger.append(new LedgerEvent(workspace.id(), workspace.slug(), "workspace.created", null, requestedBy,
                Map.of("slug", workspace.slug(), "name", workspace.name())));
        Principal admin = principals.create(new Principals.NewPrincipal(workspace.id(), PrincipalKind.USER, adminName,
                "Administrator", null, null, null, null, instanceAdmin));
        grants.replace(actor, admin, null, Set.of(Role.WORKSPACE_ADMIN));
        IssuedApiKey key = apiKeys.issue(admin, "bootstrap", List.of(ApiKeys.ALL_SCOPES), null, actor);
        return new ProvisionedWorkspace(workspace, admin, key);
    }
}
