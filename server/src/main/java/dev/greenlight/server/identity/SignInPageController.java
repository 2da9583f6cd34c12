package dev.greenlight.server.identity;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.greenlight.server.platform.CurrentCaller;
import dev.greenlight.server.platform.PublicEndpoint;

/** The sign-in page and the landing page behind it; the dashboard grows from here. */
@Controller
class SignInPageController {

    @GetMapping("/login")
    @PublicEndpoint("the sign-in page must be reachable before signing in")
    String signIn() {
        return "login";
    }

    @GetMapping("/")
    @PublicEndpoint("the landing page only says whether you are signed in and links onwards")
    String home(Model model) {
        CurrentCaller.find().ifPresent(caller -> model.addAttribute("caller", caller));
        return "home";
    }
}
