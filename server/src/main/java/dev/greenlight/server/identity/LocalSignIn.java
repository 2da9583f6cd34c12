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
 * configured time, during which even the right password is refused; a success resets the count. Attempts are counted
 * before the (deliberately slow) password check, so parallel guessing gets no more tries than sequential guessing.
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
        if (!reserveAttempt(principal, now)) {
            passwords.spendDecoyTime(password);
            throw new LockedException("account locked or out of attempts");
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
     * Counts the attempt before the password is checked, in one statement, so that concurrent guesses cannot all pass
     * the lock check before the first failure is recorded: only the first {@code maxFailures} attempts of a series are
     * checked. False when the account is locked or its attempts are used up.
     */
    private boolean reserveAttempt(Principal principal, Instant now) {
        Optional<Integer> attempt = jdbc.sql("""
                update principals set failed_logins = failed_logins + 1
                where id = :id and (locked_until is null or locked_until <= :now)
                returning failed_logins""")
                .param("id", principal.id())
                .param("now", Principals.utc(now))
                .query(Integer.class)
                .optional();
        if (attempt.isEmpty()) {
            return false;
        }
        if (attempt.get() > settings.maxFailures()) {
            // Guesses in flight used up the allowance; lock now rather than rely on them to finish.
            lock(principal, now);
            return false;
        }
        return true;
    }

    /**
     * The attempt was counted when it was reserved. Once the count has reached the limit, the account is locked and
     * the count starts afresh for when the lock ends.
     */
    private void recordFailure(Principal principal, Instant now) {
        jdbc.sql("""
                update principals set failed_logins = 0, locked_until = :lockedUntil
                where id = :id and failed_logins >= :max""")
                .param("max", settings.maxFailures())
                .param("lockedUntil", Principals.utc(now.plus(settings.lockout())))
                .param("id", principal.id())
                .update();
    }

    private void lock(Principal principal, Instant now) {
        jdbc.sql("update principals set failed_logins = 0, locked_until = :lockedUntil where id = :id")
                .param("lockedUntil", Principals.utc(now.plus(settings.lockout())))
                .param("id", principal.id())
                .update();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
