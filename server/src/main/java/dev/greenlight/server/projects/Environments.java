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

/** The ordered environments of a project. Positions stay dense (0..n-1) so the order is unambiguous. */
@Service
public class Environments {
    private static final RowMapper<Environment> ROW = (row, number) -> new Environment(
            row.getObject("id", UUID.class), row.getObject("project_id", UUID.class), row.getString("name"),
            row.getInt("position"), row.getObject("created_at", OffsetDateTime.class).toInstant());

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final Clock clock;

    Environments(JdbcClient jdbc, Ledger ledger, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.clock = clock;
    }

    public List<Environment> of(Project project) {
        return jdbc.sql("select * from environments where workspace_id = :workspace and project_id = :project order by position")
                .param("workspace", project.workspaceId()).param("project", project.id()).query(ROW).list();
    }

    public Optional<Environment> find(Project project, String name) {
        return of(project).stream().filter(environment -> environment.name().equals(name)).findFirst();
    }

    public Environment require(Project project, String name) {
        return find(project, name).orElseThrow(() -> GreenlightException.notFound(
                "Project '" + project.slug() + "' has no environment '" + name + "'."));
    }

    /**
     * Adds an environment after the named one, or last. Later environments move down one place; the position
     * constraint is deferred to commit, so the shift cannot collide with itself.
     */
    Environment create(Actor actor, Project project, String name, @Nullable String after) {
        // Lock the project row: two concurrent creations would otherwise compute the same position.
        jdbc.sql("select id from projects where id = :id for update").param("id", project.id()).query(UUID.class).single();
        List<Environment> existing = of(project);
        if (existing.stream().anyMatch(environment -> environment.name().equals(name))) {
            throw GreenlightException.conflict("Project '" + project.slug() + "' already has an environment '" + name + "'.");
        }
        int position = existing.size();
        if (after != null) {
            position = existing.stream().filter(environment -> environment.name().equals(after)).findFirst()
                    .map(environment -> environment.position() + 1)
                    .orElseThrow(() -> GreenlightException.badRequest("'after' names no environment of this project: '" + after + "'."));
            jdbc.sql("update environments set position = position + 1 where project_id = :project and position >= :position")
                    .param("project", project.id()).param("position", position).update();
        }
        jdbc.sql("""
                insert into environments (id, workspace_id, project_id, name, position, created_at)
                values (:id, :workspace, :project, :name, :position, :now)""")
                .param("id", Ids.newId(clock)).param("workspace", project.workspaceId()).param("project", project.id())
                .param("name", name).param("position", position).param("now", OffsetDateTime.now(clock))
                .update();
        List<String> order = of(project).stream().map(Environment::name).toList();
        ledger.append(new LedgerEvent(project.workspaceId(), actor.workspaceSlug(), "environment.created", project.slug(), actor.name(),
                Map.of("environment", name, "order", order)));
        return require(project, name);
    }
}
