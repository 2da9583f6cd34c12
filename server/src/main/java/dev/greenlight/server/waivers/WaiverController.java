package dev.greenlight.server.waivers;

import java.time.Clock;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.CurrentCaller;
import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.ProjectAccess;
import dev.greenlight.server.platform.RequiresPermission;

/**
 * One waiver by its id, as an approver receives it: show, approve, reject, revoke. The path names no project, so each
 * handler checks the permission on the waiver's project once it has found the waiver, and reads its body only after
 * the caller is known to hold the permission somewhere.
 */
@RestController
@RequestMapping("/api/v1/waivers/{id}")
class WaiverController {
    private final WaiverRepository repository;
    private final WaiverDecisions decisions;
    private final ProjectAccess access;
    private final CheckedBodies bodies;
    private final Clock clock;

    WaiverController(WaiverRepository repository, WaiverDecisions decisions, ProjectAccess access,
            CheckedBodies bodies, Clock clock) {
        this.repository = repository;
        this.decisions = decisions;
        this.access = access;
        this.bodies = bodies;
        this.clock = clock;
    }

    @GetMapping
    @RequiresPermission(Permission.PROJECT_READ)
    WaiverView show(@PathVariable String id) {
        Caller caller = CurrentCaller.require();
        Waiver waiver = repository.require(caller.workspaceId(), parse(id));
        access.require(caller, Permission.PROJECT_READ, waiver.projectSlug());
        return WaiverView.of(waiver, clock.instant());
    }

    @PostMapping("/approve")
    @RequiresPermission(Permission.WAIVERS_APPROVE)
    @Transactional
    WaiverView approve(@PathVariable String id, @RequestBody(required = false) @Nullable ApproveWaiver request) {
        Caller caller = CurrentCaller.require();
        access.requireOnSomeProject(caller, Permission.WAIVERS_APPROVE);
        String comment = request == null ? null : bodies.valid(request).comment();
        return WaiverView.of(decisions.approve(caller, parse(id), comment), clock.instant());
    }

    @PostMapping("/reject")
    @RequiresPermission(Permission.WAIVERS_APPROVE)
    @Transactional
    WaiverView reject(@PathVariable String id, @RequestBody(required = false) @Nullable RejectWaiver request) {
        Caller caller = CurrentCaller.require();
        access.requireOnSomeProject(caller, Permission.WAIVERS_APPROVE);
        return WaiverView.of(decisions.reject(caller, parse(id), bodies.valid(request).comment()), clock.instant());
    }

    @PostMapping("/revoke")
    @RequiresPermission(Permission.WAIVERS_REQUEST)
    @Transactional
    WaiverView revoke(@PathVariable String id, @RequestBody(required = false) @Nullable RevokeWaiver request) {
        Caller caller = CurrentCaller.require();
        access.requireOnSomeProject(caller, Permission.WAIVERS_REQUEST);
        return WaiverView.of(decisions.revoke(caller, parse(id), bodies.valid(request).reason()), clock.instant());
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw GreenlightException.notFound("No such waiver.");
        }
    }

    record ApproveWaiver(@Nullable @Size(max = 2000) @Pattern(regexp = ReleaseWaiverController.TEXT,
            message = ReleaseWaiverController.TEXT_MESSAGE) String comment) {
    }

    record RejectWaiver(@NotBlank @Size(max = 2000) @Pattern(regexp = ReleaseWaiverController.TEXT,
            message = ReleaseWaiverController.TEXT_MESSAGE) String comment) {
    }

    record RevokeWaiver(@NotBlank @Size(max = 2000) @Pattern(regexp = ReleaseWaiverController.TEXT,
            message = ReleaseWaiverController.TEXT_MESSAGE) String reason) {
    }
}
