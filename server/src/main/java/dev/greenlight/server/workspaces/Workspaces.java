package dev.greenlight.server.workspaces;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.Ids;

/** Finds and creates workspaces. Creation with its first administrator is the provisioning feature's job. */
@Service
public class Workspaces {
    private static final RowMapper<Workspace> ROW = (row, number) -> new Workspace(
            row.getObject("id", UUID.class), row.getString("slug"), row.getString("name"),
            row.getObject("created_at", OffsetDateTime.class).toInstant());

    private final JdbcClient jdbc;
    private final Clock clock;

    Workspaces(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Workspace> findBySlug(String slug) {
        return jdbc.sql("select * from workspaces where slug = :slug").param("slug", slug).query(ROW).optional();
    }

    public Workspace require(UUID id) {
        return jdbc.sql("select * from workspaces where id = :id").param("id", id).query(ROW).optional()
                .orElseThrow(() -> GreenlightException.notFound("No such workspace."));
    }

    public List<Workspace> all() {
        return jdbc.sql("select * from workspaces order by slug").query(ROW).list();
    }

    /** Creates a workspace; a taken slug is a conflict. Call inside the transaction that provisions it. */
    public Workspace create(String slug, String name) {
        if (findBySlug(slug).isPresent()) {
            throw GreenlightException.conflict("A workspace with slug '" + slug + "' already exists.");
        }
        Workspace workspace = new Workspace(Ids.newId(clock), slug, name, Instant.now(clock));
        jdbc.sql("insert into workspaces (id, slug, name, created_at) values (:id, :slug, :name, :createdAt)")
                .param("id", workspace.id())
                .param("slug", workspace.slug())
                .param("name", workspace.name())
                .param("createdAt", OffsetDateTime.ofInstant(workspace.createdAt(), ZoneOffset.UTC))
                .update();
        return workspace;
    }
}
