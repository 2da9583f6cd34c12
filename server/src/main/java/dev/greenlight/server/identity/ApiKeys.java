package dev.greenlight.server.identity;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.greenlight.server.ledger.Ledger;
import dev.greenlight.server.ledger.LedgerEvent;
import dev.greenlight.server.platform.Actor;
import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.Page;
import dev.greenlight.server.platform.PageRequest;
import dev.greenlight.server.platform.Permission;

/** Issues, lists, revokes and checks API keys. */
@Service
public class ApiKeys {
    /** The scope that carries all of the principal's permissions. */
    public static final String ALL_SCOPES = "*";
    /** Last-used times are recorded at most this often per key, so using a key does not write on every request. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private static final RowMapper<ApiKey> ROW = (row, number) -> new ApiKey(
            row.getString("id"),
            row.getObject("workspace_id", UUID.class),
            row.getObject("principal_id", UUID.class),
            row.getString("principal_name"),
            row.getString("name"),
            List.of((String[]) row.getArray("scopes").getArray()),
            row.getObject("created_at", OffsetDateTime.class).toInstant(),
            instant(row.getObject("expires_at", OffsetDateTime.class)),
            instant(row.getObject("revoked_at", OffsetDateTime.class)),
            instant(row.getObject("last_used_at", OffsetDateTime.class)));

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final Clock clock;

    ApiKeys(JdbcClient jdbc, Ledger ledger, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * Issues a key for a principal. Scopes must name permissions (or be {@code *}); the expiry, when given, must lie
     * in the future.
     */
    @Transactional
    public IssuedApiKey issue(Principal owner, String name, List<String> scopes, @Nullable Instant expiresAt, Actor by) {
        List<String> normalized = normalizeScopes(scopes);
        if (expiresAt != null && !expiresAt.isAfter(Instant.now(clock))) {
            throw GreenlightException.badRequest("expiresAt must lie in the future.");
        }
        if (owner.isDisabled()) {
            throw GreenlightException.conflict("'" + owner.name() + "' is disabled; it cannot get new keys.");
        }
        ApiKeyToken token = ApiKeyToken.generate();
        jdbc.sql("""
                insert into api_keys (id, workspace_id, principal_id, name, secret_sha256, scopes, created_at, created_by, expires_at)
                values (:id, :workspace, :principal, :name, :secret, :scopes, :now, :createdBy, :expiresAt)""")
                .param("id", token.id())
                .param("workspace", owner.workspaceId())
                .param("principal", owner.id())
                .param("name", name)
                .param("secret", token.secretSha256())
                .param("scopes", normalized.toArray(String[]::new))
                .param("now", OffsetDateTime.now(clock))
                .param("createdBy", by.principalId())
                .param("expiresAt", expiresAt == null ? null : Principals.utc(expiresAt))
                .update();
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", token.id());
        subject.put("name", name);
        subject.put("principal", owner.name());
        subject.put("scopes", normalized);
        subject.put("expiresAt", expiresAt == null ? null : expiresAt.toString());
        ledger.append(new LedgerEvent(owner.workspaceId(), by.workspaceSlug(), "api-key.created", null, by.name(), subject));
        return new IssuedApiKey(require(owner.workspaceId(), token.id()), token.value());
    }

    /** The scopes a caller may give a new key: never more than its own credential carries. */
    public static void checkNoEscalation(Caller caller, List<String> requestedScopes) {
        if (caller.scopes() == null) {
            return;
        }
        for (String scope : normalizeScopes(requestedScopes)) {
            if (scope.equals(ALL_SCOPES) || !caller.credentialAllows(Permission.byScopeName(scope).orElseThrow())) {
                throw GreenlightException.forbidden("A key cannot create a key with more scopes than its own ('" + scope + "').");
            }
        }
    }

    /**
     * One page of a principal's keys, revoked ones included, newest first. Key ids are random, so the order is by
     * creation time with the id breaking ties, and the cursor carries both.
     */
    public Page<ApiKey> listFor(UUID workspaceId, UUID principalId, PageRequest page) {
        @Nullable ListPosition after = ListPosition.parse(page.after());
        List<ApiKey> rows = jdbc.sql(SELECT + " " + """
                where k.workspace_id = :workspace and k.principal_id = :principal
                  and (cast(:afterCreatedAt as timestamptz) is null
                       or (k.created_at, k.id) < (cast(:afterCreatedAt as timestamptz), cast(:afterId as text)))
                order by k.created_at desc, k.id desc limit :limit""")
                .param("workspace", workspaceId).param("principal", principalId)
                .param("afterCreatedAt", after == null ? null : Principals.utc(after.createdAt()))
                .param("afterId", after == null ? null : after.id())
                .param("limit", page.fetchSize())
                .query(ROW).list();
        return Page.fromOverfetched(rows, page, key -> new ListPosition(key.createdAt(), key.id()).sortKey());
    }

    public ApiKey require(UUID workspaceId, String id) {
        return jdbc.sql(SELECT + " where k.workspace_id = :workspace and k.id = :id")
                .param("workspace", workspaceId).param("id", id).query(ROW).optional()
                .orElseThrow(() -> GreenlightException.notFound("No API key with id '" + id + "'."));
    }

    /** Revokes a key of the given principal; revoking twice is harmless and keeps the first revocation time. */
    @Transactional
    public ApiKey revoke(UUID workspaceId, UUID principalId, String id, Actor by) {
        ApiKey key = require(workspaceId, id);
        if (!key.principalId().equals(principalId)) {
            throw GreenlightException.notFound("No API key with id '" + id + "'.");
        }
        int revoked = jdbc.sql("update api_keys set revoked_at = :now, revoked_by = :by where id = :id and revoked_at is null")
                .param("now", OffsetDateTime.now(clock)).param("by", by.principalId()).param("id", id).update();
        if (revoked == 1) {
            recordRevocation(key, by);
        }
        return require(workspaceId, id);
    }

    void revokeAllOf(UUID workspaceId, UUID principalId, Actor by) {
        List<String> active = jdbc.sql("""
                select id from api_keys where workspace_id = :workspace and principal_id = :principal and revoked_at is null
                order by id""")
                .param("workspace", workspaceId).param("principal", principalId).query(String.class).list();
        for (String id : active) {
            revoke(workspaceId, principalId, id, by);
        }
    }

    private void recordRevocation(ApiKey key, Actor by) {
        ledger.append(new LedgerEvent(key.workspaceId(), by.workspaceSlug(), "api-key.revoked", null, by.name(),
                Map.of("id", key.id(), "name", key.name(), "principal", key.principalName())));
    }

    /**
     * Checks a presented token. Empty for anything that must not authenticate: malformed, unknown, wrong secret,
     * revoked, expired, or belonging to a disabled principal; the reasons are not told apart to the client.
     */
    Optional<Caller> authenticate(String presented) {
        Optional<ApiKeyToken> parsed = ApiKeyToken.parse(presented);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        ApiKeyToken token = parsed.get();
        Optional<StoredKey> stored = jdbc.sql("""
                select k.secret_sha256, k.scopes, k.expires_at, k.revoked_at, k.last_used_at, p.*, w.slug as workspace_slug
                from api_keys k join principals p on p.id = k.principal_id join workspaces w on w.id = k.workspace_id
                where k.id = :id""")
                .param("id", token.id())
                .query((row, number) -> new StoredKey(
                        row.getBytes("secret_sha256"),
                        List.of((String[]) row.getArray("scopes").getArray()),
                        instant(row.getObject("expires_at", OffsetDateTime.class)),
                        instant(row.getObject("revoked_at", OffsetDateTime.class)),
                        instant(row.getObject("last_used_at", OffsetDateTime.class)),
                        Principals.ROW.mapRow(row, number),
                        row.getString("workspace_slug")))
                .optional();
        if (stored.isEmpty() || !MessageDigest.isEqual(stored.get().secretSha256(), token.secretSha256())) {
            return Optional.empty();
        }
        StoredKey key = stored.get();
        Instant now = Instant.now(clock);
        if (key.revokedAt() != null || (key.expiresAt() != null && !now.isBefore(key.expiresAt())) || key.principal().isDisabled()) {
            return Optional.empty();
        }
        recordUse(token.id(), key.lastUsedAt(), now);
        Principal principal = key.principal();
        return Optional.of(new Caller(principal.id(), principal.workspaceId(), key.workspaceSlug(), principal.name(),
                principal.kind(), principal.instanceAdmin(), permissions(key.scopes()), "api-key:" + token.id()));
    }

    private void recordUse(String id, @Nullable Instant lastUsedAt, Instant now) {
        if (lastUsedAt == null || lastUsedAt.plus(LAST_USED_RESOLUTION).isBefore(now)) {
            jdbc.sql("update api_keys set last_used_at = :now where id = :id")
                    .param("now", Principals.utc(now)).param("id", id).update();
        }
    }

    private static @Nullable Set<Permission> permissions(List<String> scopes) {
        if (scopes.contains(ALL_SCOPES)) {
            return null;
        }
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        scopes.forEach(scope -> Permission.byScopeName(scope).ifPresent(permissions::add));
        return permissions;
    }

    static List<String> normalizeScopes(List<String> scopes) {
        if (scopes.isEmpty()) {
            throw GreenlightException.badRequest("A key needs at least one scope; '*' gives it all of its owner's permissions.");
        }
        Set<String> unique = new LinkedHashSet<>();
        for (String scope : scopes) {
            if (!scope.equals(ALL_SCOPES) && Permission.byScopeName(scope).isEmpty()) {
                throw GreenlightException.badRequest("Unknown scope '" + scope + "'. Scopes are permission names such as 'project:read', or '*'.");
            }
            unique.add(scope);
        }
        return unique.contains(ALL_SCOPES) ? List.of(ALL_SCOPES) : List.copyOf(unique);
    }

    private static final String SELECT = """
            select k.*, p.name as principal_name from api_keys k join principals p on p.id = k.principal_id""";

    private static @Nullable Instant instant(@Nullable OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    /** Where a page of keys ends: the last key's creation time and id, the sort key its cursor wraps. */
    private record ListPosition(Instant createdAt, String id) {
        private static final Pattern ID = Pattern.compile("[a-z2-7]{16}");

        String sortKey() {
            return createdAt + " " + id;
        }

        static @Nullable ListPosition parse(@Nullable String sortKey) {
            if (sortKey == null) {
                return null;
            }
            int space = sortKey.indexOf(' ');
            try {
                if (space > 0 && ID.matcher(sortKey.substring(space + 1)).matches()) {
                    return new ListPosition(Instant.parse(sortKey.substring(0, space)), sortKey.substring(space + 1));
                }
            } catch (DateTimeParseException unreadable) {
                // reported below like any other cursor this server did not issue
            }
            throw GreenlightException.badRequest("The cursor is not one this server issued.");
        }
    }

    private record StoredKey(
            byte[] secretSha256,
            List<String> scopes,
            @Nullable Instant expiresAt,
            @Nullable Instant revokedAt,
            @Nullable Instant lastUsedAt,
            Principal principal,
            String workspaceSlug) {
    }
}
