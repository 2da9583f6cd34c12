package dev.greenlight.server.identity;

import java.net.URI;
import java.time.Clock;

import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.greenlight.server.platform.Actor;
import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.CurrentCaller;
import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.Page;
import dev.greenlight.server.platform.PageRequest;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.PrincipalKind;
import dev.greenlight.server.platform.RequiresPermission;

/** People of the workspace, managed by workspace administrators. */
@RestController
@RequestMapping("/api/v1/users")
class UserController {
    private final Principals principals;
    private final PasswordHashing passwords;
    private final ApiKeys apiKeys;
    private final Clock clock;

    UserController(Principals principals, PasswordHashing passwords, ApiKeys apiKeys, Clock clock) {
        this.principals = principals;
        this.passwords = passwords;
        this.apiKeys = apiKeys;
        this.clock = clock;
    }

    @PostMapping
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    @Transactional
    ResponseEntity<IdentityViews.UserView> create(@Valid @RequestBody IdentityRequests.CreateUser request) {
        Caller caller = CurrentCaller.require();
        String hash = request.password() == null ? null : passwords.hash(request.password());
        Principal user = principals.create(new Principals.NewPrincipal(caller.workspaceId(), PrincipalKind.USER, request.name(),
                request.displayName(), request.email(), null, hash, request.oidcSubject(), false));
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.name())).body(IdentityViews.UserView.of(user, clock));
    }

    @GetMapping
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    Page<IdentityViews.UserView> list(@RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        Caller caller = CurrentCaller.require();
        return principals.list(caller.workspaceId(), PrincipalKind.USER, PageRequest.of(limit, cursor))
                .map(user -> IdentityViews.UserView.of(user, clock));
    }

    @GetMapping("/{name}")
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    IdentityViews.UserView show(@PathVariable String name) {
        return IdentityViews.UserView.of(principals.requireByName(CurrentCaller.require().workspaceId(), PrincipalKind.USER, name), clock);
    }

    /** Sets a user's password and lifts a lock-out. */
    @PutMapping("/{name}/password")
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    @Transactional
    ResponseEntity<Void> setPassword(@PathVariable String name, @Valid @RequestBody IdentityRequests.SetPassword request) {
        Caller caller = CurrentCaller.require();
        Principal user = principals.requireByName(caller.workspaceId(), PrincipalKind.USER, name);
        principals.setPasswordHash(caller.workspaceId(), user.id(), passwords.hash(request.password()));
        return ResponseEntity.noContent().build();
    }

    /** Disables a user and revokes its keys. The row stays: ledger entries and audit records name it. */
    @DeleteMapping("/{name}")
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    @Transactional
    ResponseEntity<Void> disable(@PathVariable String name) {
        Caller caller = CurrentCaller.require();
        Principal user = principals.requireByName(caller.workspaceId(), PrincipalKind.USER, name);
        if (user.id().equals(caller.principalId())) {
            throw GreenlightException.conflict("You cannot disable yourself.");
        }
        principals.disable(caller.workspaceId(), user.id());
        apiKeys.revokeAllOf(caller.workspaceId(), user.id(), Actor.of(caller));
        return ResponseEntity.noContent().build();
    }
}
