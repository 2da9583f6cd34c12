package dev.greenlight.server.projects;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.greenlight.server.ledger.Ledger;
import dev.greenlight.server.ledger.LedgerEvent;
import dev.greenlight.server.platform.Actor;
import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.Ids;
import dev.greenlight.server.platform.Page;
import dev.greenlight.server.platform.PageRequest;
import dev.greenlight.server.platform.ProjectVisibility.VisibleProjects;

/** Projects, always within one workspace: a project of another workspace does not exist for the caller. */
@Service
public class ProjectCatalog {
    private static final RowMapper<Project> ROW = (row, number) -> new Project(
            row.getObject("id", UUID.class), row.getObject("workspace_id", UUID.class), row.getString("slug"),
            row.getString("name"), row.getString("description"),
            row.getObject("created_at", OffsetDateTime.class).toInstant(),
            row.getObject("updated_at", OffsetDateTime.class).toInstant());

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final Clock clock;

    ProjectCatalog(JdbcClient jdbc, Ledger ledger, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.clock = clock;
    }

    public Optional<Project> find(UUID workspaceId, String slug) {
        return jdbc.sql("select * from projects where workspace_id = :workspace and slug = :slug")
                .param("workspace", workspaceId).param("slug", slug).query(ROW).optional();
    }

    public Optional<Project> findById(UUID workspaceId, UUID id) {
        return jdbc.sql("select * from projects where workspace_id = :workspace and id = :id")
                .param("workspace", workspaceId).param("id", id).query(ROW).optional();
    }

    public Project require(UUID workspaceId, String slug) {
        return find(workspaceId, slug).orElseThrow(() -> notFound(slug));
    }

    public static GreenlightException notFound(String slug) {
        return GreenlightException.notFound("No project '" + slug + "'.");
    }

    /** The projects the caller may see, by slug; what the API's list and the dashboard's projects page show. */
    public Page<Project> list(UUID workspaceId, VisibleProjects visible, PageRequest page) {
        List<Project> rows = jdbc.sql("""
                select * from projects
                where workspace_id = :workspace and slug > :after and (:all or id = any(:ids))
                order by slug limit :limit""")
                .param("workspace", workspaceId)
                .param("after", page.after() == null ? "" : page.after())
                .param("all", visible.all())
                .param("ids", visible.projectIds().toArray(UUID[]::new))
                .param("limit", page.fetchSize())
                .query(ROW).list();
        return Page.fromOverfetched(rows, page, Project::slug);
    }

    Project create(Actor actor, String slug, String name, String description) {
        UUID workspaceId = actor.workspaceId();
        if (find(workspaceId, slug).isPresent()) {
            throw GreenlightException.conflict("A project with slug '" + slug + "' already exists.");
        }
        UUID id = Ids.newId(clock);
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                insert into projects (id, workspace_id, slug, name, description, created_at, created_by, updated_at)
                values (:id, :workspace, :slug, :name, :description, :now, :createdBy, :now)""")
                .param("id", id).param("workspace", workspaceId).param("slug", slug).param("name", name)
                .param("description", description).param("now", now).param("createdBy", actor.principalId())
                .update();
        ledger.append(new LedgerEvent(workspaceId, actor.workspaceSlug(), "project.created", slug, actor.name(),
                Map.of("slug", slug, "name", name, "description", description)));
        return require(workspaceId, slug);
    }

    Project update(Actor actor, Project project, @Nullable String name, @Nullable String description) {
        jdbc.sql("""
                update projects set name = :name, description = :description, updated_at = :now
                where workspace_id = :workspace and id = :id""")
                .param("name", name == null ? project.name() : name)
                .param("description", description == null ? project.description() : description)
                .param("now", OffsetDateTime.now(clock))
                .param("workspace", project.workspaceId())
                .param("id", project.id())
                .update();
        Project updated = require(project.workspaceId(), project.slug());
        ledger.append(new LedgerEvent(project.workspaceId(), actor.workspaceSlug(), "project.updated", project.slug(), actor.name(),
                Map.of("slug", updated.slug(), "name", updated.name(), "description", updated.description())));
        return updated;
    }

}
