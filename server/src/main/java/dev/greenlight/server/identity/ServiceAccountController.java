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
import org.springframework.web.bind.annotation.RequestMapping;
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

/** Non-human principals (CI pipelines, bots), managed by workspace administrators. */
@RestController
@RequestMapping("/api/v1/service-accounts")
class ServiceAccountController {
    private final Principals principals;
    private final ApiKeys apiKeys;

    ServiceAccountController(Principals principals, ApiKeys apiKeys) {
        this.principals = principals;
        this.apiKeys = apiKeys;
    }

    @PostMapping
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    @Transactional
    ResponseEntity<IdentityViews.ServiceAccountView> create(@Valid @RequestBody IdentityRequests.CreateServiceAccount request) {
        Caller caller = CurrentCaller.require();
        Principal account = principals.create(new Principals.NewPrincipal(caller.workspaceId(), PrincipalKind.SERVICE_ACCOUNT,
                request.name(), request.displayName(), null, request.description(), null, request.oidcSubject(), false));
        return ResponseEntity.created(URI.create("/api/v1/service-accounts/" + account.name()))
                .body(IdentityViews.ServiceAccountView.of(account));
    }

    @GetMapping
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    Page<IdentityViews.ServiceAccountView> list(@RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return principals.list(CurrentCaller.require().workspaceId(), PrincipalKind.SERVICE_ACCOUNT, PageRequest.of(limit, cursor))
                .map(IdentityViews.ServiceAccountView::of);
    }

    @GetMapping("/{name}")
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    IdentityViews.ServiceAccountView show(@PathVariable String name) {
        return IdentityViews.ServiceAccountView.of(
                principals.requireByName(CurrentCaller.require().workspaceId(), PrincipalKind.SERVICE_ACCOUNT, name));
    }

    @DeleteMapping("/{name}")
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    @Transactional
    ResponseEntity<Void> disable(@PathVariable String name) {
        Caller caller = CurrentCaller.require();
        Principal account = principals.requireByName(caller.workspaceId(), PrincipalKind.SERVICE_ACCOUNT, name);
        principals.disable(caller.workspaceId(), account.id());
        apiKeys.revokeAllOf(caller.workspaceId(), account.id(), Actor.of(caller));
        return ResponseEntity.noContent().build();
    }
}
