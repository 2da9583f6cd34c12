package dev.greenlight.server.promotions;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.CurrentCaller;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.ProjectAccess;
import dev.greenlight.server.platform.RequiresPermission;

/** One rollback by its id (where a rollback request's Location points); a rollback of a project one cannot read does not exist. */
@RestController
class RollbackController {
    private final RollbackRepository repository;
    private final ProjectAccess access;

    RollbackController(RollbackRepository repository, ProjectAccess access) {
        this.repository = repository;
        this.access = access;
    }

    @GetMapping("/api/v1/rollbacks/{id}")
    @RequiresPermission(Permission.PROJECT_READ)
    RollbackView show(@PathVariable String id) {
        Caller caller = CurrentCaller.require();
        Rollback rollback = repository.find(caller.workspaceId(), PathIds.parse(id, RollbackRepository::notFound))
                .orElseThrow(RollbackRepository::notFound);
        access.require(caller, Permission.PROJECT_READ, rollback.project());
        return RollbackView.of(rollback);
    }
}
