package dev.greenlight.server.access;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.greenlight.server.identity.Principal;
import dev.greenlight.server.ledger.Ledger;
import dev.greenlight.server.ledger.LedgerEvent;
import dev.greenlight.server.platform.Actor;
import dev.greenlight.server.platform.Ids;
import dev.greenlight.server.projects.Project;

/** The role_grants table. A null project means the grant holds workspace-wide. */
@Service
public class RoleGrants {
    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final Clock clock;

    RoleGrants(JdbcClient jdbc, Ledger ledger, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** A role held by a principal, on one project or (project null) workspace-wide. */
    record Grant(@Nullable UUID projectId, Role role) {
    }

    List<Grant> of(UUID workspaceId, UUID principalId) {
        return jdbc.sql("select project_id, role from role_grants where workspace_id = :workspace and principal_id = :principal")
                .param("workspace", workspaceId).param("principal", principalId)
                .query((row, number) -> new Grant(row.getObject("project_id", UUID.class),
                        Role.fromWireName(row.getString("role")).orElseThrow()))
                .list();
    }

    /** The roles a principal holds on one project: granted on it, or workspace-wide. */
    public Set<Role> rolesOn(UUID workspaceId, UUID principalId, UUID projectId) {
        Set<Role> roles = java.util.EnumSet.noneOf(Role.class);
        of(workspaceId, principalId).stream()
                .filter(grant -> grant.projectId() == null || grant.projectId().equals(projectId))
                .forEach(grant -> roles.add(grant.role()));
        return roles;
    }

    /** A principal and its roles at one level (a project, or workspace-wide). */
    record Member(String name, String kind, List<String> roles) {
    }

    /** The members on one project (or workspace-wide when {@code projectId} is null), sorted by name. */
    List<Member> members(UUID workspaceId, @Nullable UUID projectId) {
        Map<String, String> kinds = new LinkedHashMap<>();
        Map<String, TreeSet<String>> roles = new LinkedHashMap<>();
        jdbc.sql("""
                select p.name, p.kind, g.role from role_grants g join principals p on p.id = g.principal_id
                where g.workspace_id = :workspace and g.project_id is not distinct from cast(:project as uuid)
                order by p.name, g.role""")
                .param("workspace", workspaceId).param("project", projectId)
                .query(row -> {
                    kinds.put(row.getString("name"), row.getString("kind"));
                    roles.computeIfAbsent(row.getString("name"), name -> new TreeSet<>()).add(row.getString("role"));
                });
        return kinds.entrySet().stream()
                .map(entry -> new Member(entry.getKey(), entry.getValue(), List.copyOf(roles.get(entry.getKey()))))
                .toList();
    }

    /**
     * Replaces the member's roles on the project (workspace-wide when {@code project} is null) and records each role
     * granted or removed.
     */
    public void replace(Actor by, Principal member, @Nullable Project project, Collection<Role> roles) {
        UUID workspaceId = member.workspaceId();
        UUID principalId = member.id();
        UUID projectId = project == null ? null : project.id();
        Set<Role> before = of(workspaceId, principalId).stream()
                .filter(grant -> java.util.Objects.equals(grant.projectId(), projectId)).map(Grant::role)
                .collect(java.util.stream.Collectors.toCollection(() -> java.util.EnumSet.noneOf(Role.class)));
        jdbc.sql("""
                delete from role_grants
                where workspace_id = :workspace and principal_id = :principal and project_id is not distinct from cast(:project as uuid)""")
                .param("workspace", workspaceId).param("principal", principalId).param("project", projectId).update();
        for (Role role : roles) {
            jdbc.sql("""
                    insert into role_grants (id, workspace_id, principal_id, project_id, role, granted_at, granted_by)
                    values (:id, :workspace, :principal, :project, :role, :now, :grantedBy)""")
                    .param("id", Ids.newId(clock)).param("workspace", workspaceId).param("principal", principalId)
                    .param("project", projectId).param("role", role.wireName()).param("now", OffsetDateTime.now(clock))
                    .param("grantedBy", by.principalId())
                    .update();
        }
        String projectSlug = project == null ? null : project.slug();
        for (Role role : Role.values()) {
            boolean granted = roles.contains(role) && !before.contains(role);
            boolean removed = before.contains(role) && !roles.contains(role);
            if (granted || removed) {
                Map<String, Object> subject = new LinkedHashMap<>();
                subject.put("principal", member.name());
                subject.put("role", role.wireName());
                subject.put("scope", project == null ? "workspace" : "project");
                ledger.append(new LedgerEvent(workspaceId, by.workspaceSlug(), granted ? "role.granted" : "role.removed", projectSlug, by.name(), subject));
            }
        }
    }
}
