package dev.greenlight.server.identity;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

import dev.greenlight.server.platform.ProblemKind;
import dev.greenlight.server.platform.ProblemResponses;

/**
 * Answers refused requests: problem+json for API clients; a redirect to the sign-in page for browsers asking for a
 * page.
 */
final class ProblemAuthenticationHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure) throws IOException {
        if (wantsPage(request)) {
            response.sendRedirect(request.getContextPath() + "/login");
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        ProblemResponses.write(response, ProblemKind.UNAUTHENTICATED,
                "Sign in or present a valid API key or token in the Authorization header.", request);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied) throws IOException {
        if (denied instanceof CsrfException) {
            ProblemResponses.write(response, ProblemKind.CSRF_REJECTED,
                    "Requests authenticated by a session cookie must carry the CSRF token of that session.", request);
            return;
        }
        ProblemResponses.write(response, ProblemKind.FORBIDDEN, "You do not have permission to do this.", request);
    }

    /** A browser navigating to a page, as opposed to a script calling the API. */
    static boolean wantsPage(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return !request.getRequestURI().startsWith("/api/") && accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
    }
}
