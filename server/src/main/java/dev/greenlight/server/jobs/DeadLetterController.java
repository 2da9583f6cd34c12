package dev.greenlight.server.jobs;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.CurrentCaller;
import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.Page;
import dev.greenlight.server.platform.PageRequest;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.RequiresPermission;

/** The workspace's jobs that failed every attempt: list them, and replay one. */
@RestController
@RequestMapping("/api/v1/jobs/dead-letters")
class DeadLetterController {
    private final DeadLetterRepository repository;
    private final DeadLetterReplays replays;

    DeadLetterController(DeadLetterRepository repository, DeadLetterReplays replays) {
        this.repository = repository;
        this.replays = replays;
    }

    /** Newest first. */
    @GetMapping
    @RequiresPermission(Permission.JOBS_MANAGE)
    Page<DeadLetterView> listDeadLetters(@RequestParam(required = false) @Nullable Integer limit, @RequestParam(required = false) @Nullable String cursor) {
        return repository.list(CurrentCaller.require().workspaceId(), PageRequest.of(limit, cursor)).map(DeadLetterView::of);
    }

    /** Enqueues the job again under a new key; a dead letter is replayed once (409 after that). */
    @PostMapping("/{id}/replay")
    @RequiresPermission(Permission.JOBS_MANAGE)
    @Transactional
    DeadLetterView replayDeadLetter(@PathVariable String id) {
        Caller caller = CurrentCaller.require();
        return DeadLetterView.of(replays.replay(caller, parse(id)));
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw GreenlightException.notFound("No such dead letter.");
        }
    }
}
