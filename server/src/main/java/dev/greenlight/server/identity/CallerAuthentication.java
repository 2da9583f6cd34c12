package dev.greenlight.server.identity;

import static java.util.Objects.requireNonNull;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

import dev.greenlight.server.platform.Caller;

/**
 * The authentication every mechanism ends with: its principal is the {@link Caller}. Authorities stay empty because
 * permissions come from role grants, checked per request by the access feature.
 */
final class CallerAuthentication extends AbstractAuthenticationToken {
    private final Caller caller;

    CallerAuthentication(Caller caller) {
        super(List.of());
        this.caller = requireNonNull(caller, "caller is null");
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    @Override
    public String getName() {
        return caller.name();
    }
}
