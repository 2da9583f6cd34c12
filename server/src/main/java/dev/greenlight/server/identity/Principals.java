package dev.greenlight.server.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.Ids;
import dev.greenlight.server.platform.Page;
import dev.greenlight.server.platform.PageRequest;
import dev.greenlight.server.platform.PrincipalKind;

/** The principals table: users and service accounts, always looked up within one workspace. */
@Service
public class Principals {
    static final RowMapper<Principal> ROW = (row, number) -> new Principal(
            row.getObject("id", UUID.class),
            row.getObject("workspace_id", UUID.class),
            PrincipalKind.fromWireName(row.getString("kind")),
            row.getString("name"),
            row.getString("display_name"),
            row.getString("email"),
            row.getString("description"),
            row.getString("oidc_subject"),
            row.getBoolean("instance_admin"),
            instant(row.getObject("locked_until", OffsetDateTime.class)),
            instant(row.getObject("disabled_at", OffsetDateTime.class)),
            row.getObject("created_at", OffsetDateTime.class).toInstant());

    private final JdbcClient jdbc;
    private final Clock clock;

    Principals(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Principal> findByName(UUID workspaceId, String name) {
        return jdbc.sql("select * from principals where workspace_id = :workspace and name = :name")
                .param("workspace", workspaceId).param("name", name).query(ROW).optional();
    }

    public Principal requireByName(UUID workspaceId, PrincipalKind kind, String name) {
        return findByName(workspaceId, name).filter(principal -> principal.kind() == kind)
                .orElseThrow(() -> GreenlightException.notFound("No " + kind.wireName() + " named '" + name + "'."));
    }

    public Optional<Principal> findById(UUID workspaceId, UUID id) {
        return jdbc.sql("select * from principals where workspace_id = :workspace and id = :id")
                .param("workspace", workspaceId).param("id", id).query(ROW).optional();
    }

    Optional<Principal> findByOidcSubject(String subject) {
        return jdbc.sql("select * from principals where oidc_subject = :subject")
                .param("subject", subject).query(ROW).optional();
    }

    public Page<Principal> list(UUID workspaceId, PrincipalKind kind, PageRequest page) {
        var rows = jdbc.sql("""
                select * from principals where workspace_id = :workspace and kind = :kind and name > :after
                order by name limit :limit""")
                .param("workspace", workspaceId)
                .param("kind", kind.wireName())
                .param("after", page.after() == null ? "" : page.after())
                .param("limit", page.fetchSize())
                .query(ROW).list();
        return Page.fromOverfetched(rows, page, Principal::name);
    }

    /** Creates a principal; the caller has validated the fields. A taken name is a conflict. */
    public Principal create(NewPrincipal request) {
        if (findByName(request.workspaceId(), request.name()).isPresent()) {
            throw GreenlightException.conflict("The name '" + request.name() + "' is already taken in this workspace.");
        }
        if (request.oidcSubject() != null && findByOidcSubject(request.oidcSubject()).isPresent()) {
            throw GreenlightException.conflict("Another principal is already linked to this OIDC subject.");
        }
        UUID id = Ids.newId(clock);
        jdbc.sql("""
                insert into principals (id, workspace_id, kind, name, display_name, email, description, password_hash,
                                        oidc_subject, instance_admin, created_at)
                values (:id, :workspace, :kind, :name, :displayName, :email, :description, :passwordHash,
                        :oidcSubject, :instanceAdmin, :now)""")
                .param("id", id)
                .param("workspace", request.workspaceId())
                .param("kind", request.kind().wireName())
                .param("name", request.name())
                .param("displayName", request.displayName() == null ? request.name() : request.displayName())
                .param("email", request.email())
                .param("description", request.description())
                .param("passwordHash", request.passwordHash())
                .param("oidcSubject", request.oidcSubject())
                .param("instanceAdmin", request.instanceAdmin())
                .param("now", OffsetDateTime.now(clock))
                .update();
        return findById(request.workspaceId(), id).orElseThrow();
    }

    Optional<String> passwordHash(UUID principalId) {
        return jdbc.sql("select password_hash from principals where id = :id").param("id", principalId)
                .query(String.class).optional();
    }

    void setPasswordHash(UUID workspaceId, UUID principalId, String passwordHash) {
        jdbc.sql("""
                update principals set password_hash = :hash, failed_logins = 0, locked_until = null
                where workspace_id = :workspace and id = :id""")
                .param("hash", passwordHash).param("workspace", workspaceId).param("id", principalId).update();
    }

    void disable(UUID workspaceId, UUID principalId) {
        jdbc.sql("update principals set disabled_at = :now where workspace_id = :workspace and id = :id and disabled_at is null")
                .param("now", OffsetDateTime.now(clock)).param("workspace", workspaceId).param("id", principalId).update();
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** What is needed to create a principal. */
    public record NewPrincipal(
            UUID workspaceId,
            PrincipalKind kind,
            String name,
            @Nullable String displayName,
            @Nullable String email,
            @Nullable String description,
            @Nullable String passwordHash,
            @Nullable String oidcSubject,
            boolean instanceAdmin) {
    }
}
