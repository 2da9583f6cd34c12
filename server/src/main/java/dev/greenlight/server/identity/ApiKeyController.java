package dev.greenlight.server.identity;

import java.net.URI;

import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.greenlight.server.platform.Actor;
import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.CurrentCaller;
import dev.greenlight.server.platform.Page;
import dev.greenlight.server.platform.PageRequest;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.PrincipalKind;
import dev.greenlight.server.platform.RequiresPermission;
import dev.greenlight.server.platform.SecretResponses;

/**
 * API keys. {@code /api/v1/api-keys} is the caller's own keys; {@code /api/v1/{users|service-accounts}/{name}/api-keys}
 * lets workspace administrators manage anyone's, which is how CI service accounts get their keys.
 */
@RestController
@Transactional
class ApiKeyController {
    private final ApiKeys apiKeys;
    private final Principals principals;

    ApiKeyController(ApiKeys apiKeys, Principals principals) {
        this.apiKeys = apiKeys;
        this.principals = principals;
    }

    @PostMapping("/api/v1/api-keys")
    @RequiresPermission(Permission.API_KEYS_OWN)
    ResponseEntity<IdentityViews.IssuedApiKeyView> createOwn(@Valid @RequestBody IdentityRequests.CreateApiKey request) {
        Caller caller = CurrentCaller.require();
        ApiKeys.checkNoEscalation(caller, request.scopesOrAll());
        Principal owner = principals.findById(caller.workspaceId(), caller.principalId()).orElseThrow();
        return created(apiKeys.issue(owner, request.name(), request.scopesOrAll(), request.expiresAt(), Actor.of(caller)));
    }

    @GetMapping("/api/v1/api-keys")
    @RequiresPermission(Permission.API_KEYS_OWN)
    Page<IdentityViews.ApiKeyView> listOwn(@RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        Caller caller = CurrentCaller.require();
        return apiKeys.listFor(caller.workspaceId(), caller.principalId(), PageRequest.of(limit, cursor)).map(IdentityViews.ApiKeyView::of);
    }

    @DeleteMapping("/api/v1/api-keys/{id}")
    @RequiresPermission(Permission.API_KEYS_OWN)
    IdentityViews.ApiKeyView revokeOwn(@PathVariable String id) {
        Caller caller = CurrentCaller.require();
        return IdentityViews.ApiKeyView.of(apiKeys.revoke(caller.workspaceId(), caller.principalId(), id, Actor.of(caller)));
    }

    @PostMapping("/api/v1/{kind:users|service-accounts}/{name}/api-keys")
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    ResponseEntity<IdentityViews.IssuedApiKeyView> createFor(@PathVariable String kind, @PathVariable String name,
            @Valid @RequestBody IdentityRequests.CreateApiKey request) {
        Caller caller = CurrentCaller.require();
        ApiKeys.checkNoEscalation(caller, request.scopesOrAll());
        Principal owner = owner(caller, kind, name);
        return created(apiKeys.issue(owner, request.name(), request.scopesOrAll(), request.expiresAt(), Actor.of(caller)));
    }

    @GetMapping("/api/v1/{kind:users|service-accounts}/{name}/api-keys")
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    Page<IdentityViews.ApiKeyView> listFor(@PathVariable String kind, @PathVariable String name,
            @RequestParam(required = false) @Nullable Integer limit, @RequestParam(required = false) @Nullable String cursor) {
        Caller caller = CurrentCaller.require();
        return apiKeys.listFor(caller.workspaceId(), owner(caller, kind, name).id(), PageRequest.of(limit, cursor))
                .map(IdentityViews.ApiKeyView::of);
    }

    @DeleteMapping("/api/v1/{kind:users|service-accounts}/{name}/api-keys/{id}")
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    IdentityViews.ApiKeyView revokeFor(@PathVariable String kind, @PathVariable String name, @PathVariable String id) {
        Caller caller = CurrentCaller.require();
        return IdentityViews.ApiKeyView.of(apiKeys.revoke(caller.workspaceId(), owner(caller, kind, name).id(), id, Actor.of(caller)));
    }

    private Principal owner(Caller caller, String kind, String name) {
        return principals.requireByName(caller.workspaceId(), PrincipalKind.fromWireName(kind.substring(0, kind.length() - 1)), name);
    }

    private static ResponseEntity<IdentityViews.IssuedApiKeyView> created(IssuedApiKey issued) {
        SecretResponses.markCurrentResponse();
        return ResponseEntity.created(URI.create("/api/v1/api-keys/" + issued.key().id())).body(IdentityViews.IssuedApiKeyView.of(issued));
    }
}
