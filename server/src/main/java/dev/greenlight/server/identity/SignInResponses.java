package dev.greenlight.server.identity;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.stereotype.Component;

import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.ProblemKind;
import dev.greenlight.server.platform.ProblemResponses;
import tools.jackson.databind.json.JsonMapper;

/**
 * What sign-in and sign-out answer: redirects for a browser form, JSON or problem+json for scripts. Failures do not
 * say whether the workspace, the user or the password was wrong.
 */
@Component
class SignInResponses implements AuthenticationSuccessHandler, AuthenticationFailureHandler, LogoutSuccessHandler {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication) throws IOException {
        if (ProblemAuthenticationHandlers.wantsPage(request)) {
            response.sendRedirect(request.getContextPath() + "/");
            return;
        }
        Caller caller = (Caller) authentication.getPrincipal();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", caller.name());
        body.put("workspace", caller.workspaceSlug());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure) throws IOException {
        boolean locked = failure instanceof LockedException;
        if (ProblemAuthenticationHandlers.wantsPage(request)) {
            response.sendRedirect(request.getContextPath() + "/login?" + (locked ? "locked" : "error"));
            return;
        }
        if (locked) {
            ProblemResponses.write(response, ProblemKind.ACCOUNT_LOCKED,
                    "Too many wrong passwords; the account is locked for a while. Try again later or ask an administrator to reset the password.", request);
        } else {
            ProblemResponses.write(response, ProblemKind.UNAUTHENTICATED, "Wrong workspace, user name or password.", request);
        }
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication) throws IOException {
        if (ProblemAuthenticationHandlers.wantsPage(request)) {
            response.sendRedirect(request.getContextPath() + "/login?signed-out");
            return;
        }
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
