package dev.greenlight.server.identity;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.CurrentCaller;
import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.PrincipalKind;
import dev.greenlight.server.platform.RequiresPermission;
import dev.greenlight.server.workspaces.Workspace;
import dev.greenlight.server.workspaces.Workspaces;

/** Who the caller is, and changing one's own password. */
@RestController
@RequestMapping("/api/v1/me")
class MeController {
    private final Principals principals;
    private final Workspaces workspaces;
    private final PasswordHashing passwords;

    MeController(Principals principals, Workspaces workspaces, PasswordHashing passwords) {
        this.principals = principals;
        this.workspaces = workspaces;
        this.passwords = passwords;
    }

    @GetMapping
    @RequiresPermission(Permission.SELF)
    Map<String, Object> me() {
        Caller caller = CurrentCaller.require();
        Principal principal = principals.findById(caller.workspaceId(), caller.principalId()).orElseThrow();
        Workspace workspace = workspaces.require(caller.workspaceId());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", principal.kind().wireName());
        body.put("name", principal.name());
        body.put("displayName", principal.displayName());
        body.put("workspace", Map.of("slug", workspace.slug(), "name", workspace.name()));
        body.put("instanceAdmin", principal.instanceAdmin());
        body.put("credential", caller.credential());
        body.put("scopes", caller.scopes() == null ? java.util.List.of(ApiKeys.ALL_SCOPES)
                : caller.scopes().stream().map(Permission::scopeName).sorted().toList());
        return body;
    }

    @PutMapping("/password")
    @RequiresPermission(Permission.SELF)
    @Transactional
    ResponseEntity<Void> changePassword(@Valid @RequestBody IdentityRequests.ChangeOwnPassword request) {
        Caller caller = CurrentCaller.require();
        if (caller.kind() != PrincipalKind.USER) {
            throw GreenlightException.badRequest("Service accounts have no password.");
        }
        String currentHash = principals.passwordHash(caller.principalId()).orElse(null);
        if (currentHash == null || !passwords.matches(request.currentPassword(), currentHash)) {
            throw GreenlightException.forbidden("The current password is wrong.");
        }
        principals.setPasswordHash(caller.workspaceId(), caller.principalId(), passwords.hash(request.newPassword()));
        return ResponseEntity.noContent().build();
    }
}
