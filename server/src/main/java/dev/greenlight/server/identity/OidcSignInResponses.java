package dev.greenlight.server.identity;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The end of a browser sign-in through the issuer. On success the session gets the same {@link CallerAuthentication}
 * a password sign-in gives it (Spring has already changed the session id and the CSRF token), and the person lands on
 * the projects page. On failure the sign-in page says what went wrong in words a person can act on, never what the
 * issuer or the request said; the log gets the error code only.
 */
final class OidcSignInResponses implements AuthenticationSuccessHandler, AuthenticationFailureHandler {
    /** Where the refused subject waits for the sign-in page, which shows it once. */
    static final String UNLINKED_SUBJECT_ATTRIBUTE = OidcSignInResponses.class.getName() + ".unlinkedSubject";
    static final String LANDING_PAGE = "/projects";
    private static final Pattern ERROR_CODE = Pattern.compile("[a-z_]{1,40}");
    private static final Logger log = LoggerFactory.getLogger(OidcSignInResponses.class);

    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        if (!(authentication.getPrincipal() instanceof SignedInOidcUser user)) {
            throw new IllegalStateException("browser sign-in ended without a Greenlight caller");
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(new CallerAuthentication(user.caller()));
        contexts.setContext(context);
        sessions.saveContext(context, request, response);
        response.sendRedirect(request.getContextPath() + LANDING_PAGE);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        String code = failure instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode() : "";
        log.info("browser sign-in through the OIDC issuer refused: {}", ERROR_CODE.matcher(code).matches() ? code : "other");
        String reason = switch (code) {
            case OidcSignInUsers.UNLINKED_SUBJECT -> "unlinked";
            case OidcSignInUsers.NOT_A_PERSON -> "service-account";
            case "client_registration_not_found" -> "unavailable";
            default -> "failed";
        };
        if (failure instanceof OidcSignInUsers.UnlinkedSubjectException unlinked) {
            request.getSession().setAttribute(UNLINKED_SUBJECT_ATTRIBUTE, unlinked.subject());
        }
        response.sendRedirect(request.getContextPath() + "/login?sso=" + reason);
    }

    /** For the start of a sign-in, which fails only when the issuer's discovery document cannot be read. */
    AuthenticationFailureHandler unavailable() {
        return (request, response, failure) -> {
            log.info("browser sign-in through the OIDC issuer could not start: {}", failure.getMessage());
            response.sendRedirect(request.getContextPath() + "/login?sso=unavailable");
        };
    }
}
