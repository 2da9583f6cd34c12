package dev.greenlight.server.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.util.UriComponentsBuilder;

import dev.greenlight.server.identity.ApiKey;
import dev.greenlight.server.identity.ApiKeys;
import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.Page;
import dev.greenlight.server.platform.PageRequest;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.PermissionScope;
import dev.greenlight.server.platform.ProjectAccess;

/** What the API keys page shows: a page of the caller's keys, newest first, and the scopes the create form offers. */
@Component
class ApiKeyPageModel {
    static final int PAGE_SIZE = 25;
    /** The paging links scroll to the list; the messages above it are for the forms, which answer with the page. */
    private static final String LIST_ANCHOR = "#keys-heading";

    private final ApiKeys apiKeys;
    private final ProjectAccess access;

    ApiKeyPageModel(ApiKeys apiKeys, ProjectAccess access) {
        this.apiKeys = apiKeys;
        this.access = access;
    }

    /** A scope the form offers as a checkbox. */
    record ScopeOption(String value, String label) {
    }

    /**
     * Fills the model of dashboard/api-keys with the page of keys after {@code cursor} (the newest when null);
     * {@code form} and {@code errors} are what was typed and what was wrong. An unreadable cursor is a 400.
     */
    void fill(Model model, Caller caller, @Nullable String cursor, Map<String, Object> form, Map<String, String> errors) {
        @Nullable String position = cursor == null || cursor.isBlank() ? null : cursor.strip();
        Page<ApiKey> keys = apiKeys.listFor(caller.workspaceId(), caller.principalId(), PageRequest.of(PAGE_SIZE, position));
        model.addAttribute("caller", caller);
        model.addAttribute("keys", keys.items());
        model.addAttribute("cursor", position);
        model.addAttribute("newestPageLink", position == null ? null : pageAt(null) + LIST_ANCHOR);
        model.addAttribute("nextPageLink", keys.nextCursor() == null ? null : pageAt(keys.nextCursor()) + LIST_ANCHOR);
        model.addAttribute("scopeOptions", scopesOf(caller));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
    }

    /** The page of keys at {@code cursor}, the newest when null or blank. */
    static String pageAt(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return ApiKeysPageController.PATH;
        }
        return UriComponentsBuilder.fromPath(ApiKeysPageController.PATH).queryParam("cursor", "{cursor}").encode()
                .buildAndExpand(cursor.strip()).toUriString();
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
