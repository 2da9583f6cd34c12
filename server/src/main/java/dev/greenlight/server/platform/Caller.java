package dev.greenlight.server.platform;

import static java.util.Objects.requireNonNull;

import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The authenticated principal behind a request and the credential it used.
 *
 * @param scopes the permissions the credential is limited to, or {@code null} when it carries all of the
 *     principal's permissions (sessions, JWTs, keys with scope {@code *})
 * @param credential a loggable description of the credential, never the secret: {@code api-key:<id>},
 *     {@code session} or {@code jwt}
 */
public record Caller(
        UUID principalId,
        UUID workspaceId,
        String workspaceSlug,
        String name,
        PrincipalKind kind,
        boolean instanceAdmin,
        @Nullable Set<Permission> scopes,
        String credential) implements java.io.Serializable {

    public Caller {
        requireNonNull(principalId, "principalId is null");
        requireNonNull(workspaceId, "workspaceId is null");
        requireNonNull(workspaceSlug, "workspaceSlug is null");
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(credential, "credential is null");
        scopes = scopes == null ? null : Set.copyOf(scopes);
    }

    /** Whether the credential allows using this permission at all (roles are checked separately). */
    public boolean credentialAllows(Permission permission) {
        return scopes == null || scopes.contains(permission);
    }
}
