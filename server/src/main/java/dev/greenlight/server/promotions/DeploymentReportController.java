package dev.greenlight.server.promotions;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.CurrentCaller;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.ProjectAccess;
import dev.greenlight.server.platform.RequiresPermission;

/**
 * Status reports from a CD system that drives deployments itself. The paths name no project, so the permission is
 * checked on the project of the promotion or rollback once it is found.
 */
@RestController
class DeploymentReportController {
    private static final int MAX_MESSAGE = 2000;

    private final DeploymentReports reports;
    private final ProjectAccess access;

    DeploymentReportController(DeploymentReports reports, ProjectAccess access) {
        this.reports = reports;
        this.access = access;
    }

    /** {@code {step, state: deployed | failed, message?}}, {@code step} counting from 1. */
    record StepReport(@Nullable Integer step, @Nullable String state, @Nullable String message) {
    }

    /** {@code {state: completed | failed, message?}}. */
    record RollbackReport(@Nullable String state, @Nullable String message) {
    }

    @PostMapping("/api/v1/promotions/{id}/status")
    @RequiresPermission(Permission.DEPLOYMENTS_REPORT)
    PromotionView promotion(@PathVariable String id, @RequestBody(required = false) @Nullable StepReport body) {
        Caller caller = CurrentCaller.require();
        access.requireOnSomeProject(caller, Permission.DEPLOYMENTS_REPORT);
        FieldChecks checks = new FieldChecks();
        if (body == null || body.step() == null || body.step() < 1) {
            checks.fail("step", "must be the step's number, counting from 1");
        }
        checkState(checks, body == null ? null : body.state(), Set.of(DeploymentReports.DEPLOYED, DeploymentReports.FAILED));
        checkMessage(checks, body == null ? null : body.message());
        checks.throwIfAny();
        return PromotionView.of(reports.promotionStep(caller, PathIds.parse(id, PromotionRepository::notFound), body.step(), body.state(),
                body.message()));
    }

    @PostMapping("/api/v1/rollbacks/{id}/status")
    @RequiresPermission(Permission.DEPLOYMENTS_REPORT)
    RollbackView rollback(@PathVariable String id, @RequestBody(required = false) @Nullable RollbackReport body) {
        Caller caller = CurrentCaller.require();
        access.requireOnSomeProject(caller, Permission.DEPLOYMENTS_REPORT);
        FieldChecks checks = new FieldChecks();
        checkState(checks, body == null ? null : body.state(), Set.of(DeploymentReports.COMPLETED, DeploymentReports.FAILED));
        checkMessage(checks, body == null ? null : body.message());
        checks.throwIfAny();
        return RollbackView.of(reports.rollback(caller, PathIds.parse(id, RollbackRepository::notFound), body.state(), body.message()));
    }

    private static void checkState(FieldChecks checks, @Nullable String state, Set<String> allowed) {
        if (state == null || !allowed.contains(state)) {
            checks.fail("state", "must be one of " + allowed.stream().sorted().toList());
        }
    }

    private static void checkMessage(FieldChecks checks, @Nullable String message) {
        if (message != null && message.length() > MAX_MESSAGE) {
            checks.fail("message", "must be at most " + MAX_MESSAGE + " characters");
        }
    }
}
