package dev.greenlight.server.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import dev.greenlight.server.identity.ApiKeys;
import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.PermissionScope;
import dev.greenlight.server.platform.ProjectAccess;

/** What the API keys page shows: the caller's keys, and the scopes the create form offers. */
@Component
class ApiKeyPageModel {
    private final ApiKeys apiKeys;
    private final ProjectAccess access;

    ApiKeyPageModel(ApiKeys apiKeys, ProjectAccess access) {
        this.apiKeys = apiKeys;
        this.access = access;
    }

    /** A scope the form offers as a checkbox. */
    record ScopeOption(String value, String label) {
    }

    /** Fills the model of dashboard/api-keys; {@code form} and {@code errors} are what was typed and what was wrong. */
    void fill(Model model, Caller caller, Map<String, Object> form, Map<String, String> errors) {
        model.addAttribute("caller", caller);
        model.addAttribute("keys", apiKeys.listFor(caller.workspaceId(), caller.principalId()));
        model.addAttribute("scopeOptions", scopesOf(caller));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
    }

    /**
     * {@code *} and each permission the caller holds somewhere (and its credential allows): a key's scopes only narrow
     * its owner's permissions, so offering more would mean nothing; the roles are checked on every use of the key.
     */
    List<ScopeOption> scopesOf(Caller caller) {
        List<ScopeOption> options = new ArrayList<>();
        if (caller.scopes() == null) {
            options.add(new ScopeOption(ApiKeys.ALL_SCOPES, "All of my permissions (*), now and as my roles change"));
        }
        for (Permission permission : Permission.values()) {
            if (holds(caller, permission)) {
                options.add(new ScopeOption(permission.scopeName(), permission.scopeName()));
            }
        }
        return options;
    }

    private boolean holds(Caller caller, Permission permission) {
        if (!caller.credentialAllows(permission)) {
            return false;
        }
        if (permission.scope() == PermissionScope.SIGNED_IN) {
            return true;
        }
        if (permission.scope() == PermissionScope.INSTANCE) {
            return caller.instanceAdmin();
        }
        try {
            access.requireOnSomeProject(caller, permission);
            return true;
        } catch (GreenlightException e) {
            return false;
        }
    }
}
