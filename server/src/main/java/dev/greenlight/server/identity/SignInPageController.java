package dev.greenlight.server.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.greenlight.server.platform.CurrentCaller;
import dev.greenlight.server.platform.PublicEndpoint;

/** The sign-in page and the landing page behind it; the dashboard grows from here. */
@Controller
class SignInPageController {
    private final OidcSignIn oidcSignIn;

    SignInPageController(OidcSignIn oidcSignIn) {
        this.oidcSignIn = oidcSignIn;
    }

    /**
     * The password form and, when configured, "Sign in with" the issuer. {@code sso} names why a sign-in through the
     * issuer was refused; only known reasons are shown, so a crafted link cannot put words on the page.
     */
    @GetMapping("/login")
    @PublicEndpoint("the sign-in page must be reachable before signing in")
    String signIn(@RequestParam(required = false) @Nullable String sso, HttpServletRequest request, Model model) {
        if (oidcSignIn.enabled()) {
            model.addAttribute("oidcSignInName", oidcSignIn.displayName());
            model.addAttribute("oidcSignInPath", OidcSignIn.START_PATH);
        }
        if (sso != null && switch (sso) {
            case "unlinked", "service-account", "unavailable", "failed" -> true;
            default -> false;
        }) {
            model.addAttribute("ssoRefusal", sso);
            model.addAttribute("ssoName", oidcSignIn.displayName());
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(OidcSignInResponses.UNLINKED_SUBJECT_ATTRIBUTE) instanceof String subject) {
            session.removeAttribute(OidcSignInResponses.UNLINKED_SUBJECT_ATTRIBUTE);
            if ("unlinked".equals(sso)) {
                model.addAttribute("unlinkedSubject", subject);
            }
        }
        return "login";
    }

    @GetMapping("/")
    @PublicEndpoint("the landing page only says whether you are signed in and links onwards")
    String home(Model model) {
        CurrentCaller.find().ifPresent(caller -> model.addAttribute("caller", caller));
        return "home";
    }
}
