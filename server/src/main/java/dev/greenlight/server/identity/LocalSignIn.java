package dev.greenlight.server.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import dev.greenlight.server.config.GreenlightProperties;
import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.PrincipalKind;
import dev.greenlight.server.workspaces.Workspace;
import dev.greenlight.server.workspaces.Workspaces;

/**
 * Checks a person's password. After {@code maxFailures} wrong passwords in a row the account is locked for the
 * configured time, during which even the right password is refused; a success resets the count.
 */
final class LocalSignIn implements AuthenticationProvider {
    static final String DEFAULT_WORKSPACE = "default";

    private final Workspaces workspaces;
    private final Principals principals;
    private final PasswordHashing passwords;
    private final JdbcClient jdbc;
    private final GreenlightProperties.Login settings;
    private final Clock clock;

    LocalSignIn(Workspaces workspaces, Principals principals, PasswordHashing passwords, JdbcClient jdbc,
            GreenlightProperties.Login settings, Clock clock) {
        this.workspaces = workspaces;
        this.principals = principals;
        this.passwords = passwords;
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String name = String.valueOf(authentication.getPrincipal());
        String password = String.valueOf(authentication.getCredentials());
        String workspaceSlug = authentication.getDetails() instanceof String slug && !slug.isBlank() ? slug : DEFAULT_WORKSPACE;
        Optional<Workspace> workspace = workspaces.findBySlug(workspaceSlug);
        Optional<Principal> found = workspace.flatMap(w -> principals.findByName(w.id(), name))
                .filter(principal -> principal.kind() == PrincipalKind.USER && !principal.isDisabled());
        Optional<String> hash = found.flatMap(principal -> principals.passwordHash(principal.id()));
        if (found.isEmpty() || hash.isEmpty()) {
            passwords.spendDecoyTime(password);
            throw new BadCredentialsException("wrong workspace, user name or password");
        }
        Principal principal = found.get();
        Instant now = Instant.now(clock);
        if (principal.lockedUntil() != null && now.isBefore(principal.lockedUntil())) {
            passwords.spendDecoyTime(password);
            throw new LockedException("account locked until " + principal.lockedUntil());
        }
        if (!passwords.matches(password, hash.get())) {
            recordFailure(principal, now);
            throw new BadCredentialsException("wrong workspace, user name or password");
        }
        jdbc.sql("update principals set failed_logins = 0, locked_until = null where id = :id").param("id", principal.id()).update();
        return new CallerAuthentication(new Caller(principal.id(), principal.workspaceId(), workspace.get().slug(),
                principal.name(), principal.kind(), principal.instanceAdmin(), null, "session"));
    }

    /**
     * Counts the failure in one statement, so concurrent guesses cannot slip past the limit. Reaching the limit locks
     * the account and starts a fresh count for when the lock ends.
     */
    private void recordFailure(Principal principal, Instant now) {
        jdbc.sql("""
                update principals set
                    failed_logins = case when failed_logins + 1 >= :max then 0 else failed_logins + 1 end,
                    locked_until = case when failed_logins + 1 >= :max then :lockedUntil else locked_until end
                where id = :id""")
                .param("max", settings.maxFailures())
                .param("lockedUntil", Principals.utc(now.plus(settings.lockout())))
                .param("id", principal.id())
                .update();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
