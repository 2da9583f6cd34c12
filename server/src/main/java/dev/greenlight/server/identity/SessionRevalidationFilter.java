package dev.greenlight.server.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.greenlight.server.platform.Caller;

/**
 * Ends a session whose principal was disabled after it signed in. A session holds the caller it authenticated, so
 * without this check disabling a person would revoke their API keys but leave their open sessions working for hours.
 * Runs right after the security context is loaded from the session, so anything authenticated here came from it.
 */
final class SessionRevalidationFilter extends OncePerRequestFilter {
    private final Principals principals;

    SessionRevalidationFilter(Principals principals) {
        this.principals = principals;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof CallerAuthentication session && !stillActive(session.getPrincipal())) {
            HttpSession stale = request.getSession(false);
            if (stale != null) {
                stale.invalidate();
            }
            SecurityContextHolder.clearContext();
        }
        chain.doFilter(request, response);
    }

    private boolean stillActive(Caller caller) {
        return principals.findById(caller.workspaceId(), caller.principalId()).filter(principal -> !principal.isDisabled()).isPresent();
    }
}
