package dev.greenlight.server.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.greenlight.server.identity.ApiKey;
import dev.greenlight.server.identity.ApiKeys;
import dev.greenlight.server.identity.IssuedApiKey;
import dev.greenlight.server.identity.Principal;
import dev.greenlight.server.identity.Principals;
import dev.greenlight.server.platform.Actor;
import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.CurrentCaller;
import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.RequiresPermission;
import dev.greenlight.server.platform.SecretResponses;

/**
 * The API keys page's forms. Creating answers with the page itself, holding the new secret (never stored, never put
 * in the session, the response marked no-store) — the only time it is shown, above the first page of keys; revoking
 * redirects back to the page it was on (post/redirect/get).
 * Requests the interceptor refuses (no session, no permission, no CSRF token) stay problem+json like the API.
 */
@Controller
class ApiKeysFormsController {
    static final int NAME_LENGTH = 100;

    private final ApiKeys apiKeys;
    private final Principals principals;
    private final ApiKeyPageModel page;
    private final Clock clock;

    ApiKeysFormsController(ApiKeys apiKeys, Principals principals, ApiKeyPageModel page, Clock clock) {
        this.apiKeys = apiKeys;
        this.principals = principals;
        this.page = page;
        this.clock = clock;
    }

    @PostMapping(ApiKeysPageController.PATH)
    @RequiresPermission(Permission.API_KEYS_OWN)
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(required = false) @Nullable List<String> scopes,
            @RequestParam(defaultValue = "") String expiresOn, Model model, HttpServletResponse response) {
        Caller caller = CurrentCaller.require();
        List<String> chosen = scopes == null ? List.of() : scopes.stream().filter(scope -> !scope.isBlank()).distinct().toList();
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("scopes", chosen);
        form.put("expiresOn", expiresOn);
        Map<String, String> errors = new LinkedHashMap<>();
        if (name.isBlank()) {
            errors.put("name", "Give the key a name, such as the machine or job that will use it.");
        } else if (name.length() > NAME_LENGTH) {
            errors.put("name", "At most " + NAME_LENGTH + " characters.");
        }
        Set<String> offered = page.scopesOf(caller).stream().map(ApiKeyPageModel.ScopeOption::value).collect(Collectors.toSet());
        if (chosen.isEmpty()) {
            errors.put("scopes", "Choose at least one scope.");
        } else if (!offered.containsAll(chosen)) {
            errors.put("scopes", "Choose only among the permissions you hold.");
        }
        Instant expiresAt = null;
        if (!expiresOn.isBlank()) {
            try {
                expiresAt = LocalDate.parse(expiresOn.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
                if (!expiresAt.isAfter(Instant.now(clock))) {
                    errors.put("expiresOn", "Choose a day after today.");
                }
            } catch (DateTimeParseException e) {
                errors.put("expiresOn", "Enter a date as YYYY-MM-DD.");
            }
        }
        if (errors.isEmpty()) {
            try {
                Principal owner = principals.findById(caller.workspaceId(), caller.principalId())
                        .orElseThrow(() -> GreenlightException.notFound("You no longer exist in this workspace."));
                ApiKeys.checkNoEscalation(caller, chosen);
                IssuedApiKey issued = apiKeys.issue(owner, name.strip(), chosen, expiresAt, Actor.of(caller));
                SecretResponses.markCurrentResponse();
                response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                model.addAttribute("issued", issued.key());
                model.addAttribute("secret", issued.token());
                Map<String, Object> empty = new LinkedHashMap<>();
                empty.put("name", "");
                empty.put("scopes", List.of());
                empty.put("expiresOn", "");
                page.fill(model, caller, null, empty, Map.of());
                return "dashboard/api-keys";
            } catch (GreenlightException e) {
                model.addAttribute("error", "The key was not created: " + e.getMessage());
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        page.fill(model, caller, null, form, errors);
        return "dashboard/api-keys";
    }

    @PostMapping(ApiKeysPageController.PATH + "/{id}/revoke")
    @RequiresPermission(Permission.API_KEYS_OWN)
    String revoke(@PathVariable String id, @RequestParam(defaultValue = "") String cursor, RedirectAttributes flash) {
        Caller caller = CurrentCaller.require();
        try {
            ApiKey key = apiKeys.revoke(caller.workspaceId(), caller.principalId(), id, Actor.of(caller));
            flash.addFlashAttribute("notice", "Key '" + key.name() + "' (" + key.id() + ") is revoked; it no longer signs anyone in.");
        } catch (GreenlightException e) {
            flash.addFlashAttribute("error", "The key was not revoked: " + e.getMessage());
        }
        // Back to the page the key was revoked on: keys are never deleted, so its cursor still leads there.
        return "redirect:" + ApiKeyPageModel.pageAt(cursor);
    }
}
