package dev.greenlight.server.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import dev.greenlight.server.approvals.ReleaseApprovals;
import dev.greenlight.server.gates.ReleaseDecisions;
import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.CurrentCaller;
import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.RequiresPermission;
import dev.greenlight.server.waivers.ReleaseWaivers;

/**
 * The release page's forms. Each calls the service the API uses, then redirects back to the page (post/redirect/get)
 * with a flash message; a refusal becomes the problem's detail on the page, and invalid fields their messages next to
 * the fields. Requests the interceptor refuses (no session, no permission, no CSRF token) stay problem+json like the API.
 */
@Controller
class ReleaseFormsController {
    private static final String RELEASE = "/projects/{project}/releases/{version}";

    private final ReleaseTargets targets;
    private final ReleaseWaivers waivers;
    private final ReleaseApprovals approvals;
    private final ReleaseDecisions decisions;

    ReleaseFormsController(ReleaseTargets targets, ReleaseWaivers waivers, ReleaseApprovals approvals, ReleaseDecisions decisions) {
        this.targets = targets;
        this.waivers = waivers;
        this.approvals = approvals;
        this.decisions = decisions;
    }

    @PostMapping(RELEASE + "/waivers")
    @RequiresPermission(Permission.WAIVERS_REQUEST)
    String requestWaiver(@PathVariable String project, @PathVariable String version, @RequestParam(defaultValue = "") String environment,
            @RequestParam(defaultValue = "") String rule, @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String ticket, @RequestParam(defaultValue = "") String expiresAt, RedirectAttributes flash) {
        ReleaseTargets.Target target = targets.require(project, version, environment);
        attempt(flash, "The waiver was not requested", () -> {
            ReleaseWaivers.Summary waiver = waivers.request(CurrentCaller.require(), target.project(), target.release(),
                    target.environment(), blankToNull(rule), blankToNull(reason), blankToNull(ticket), startOfDay(expiresAt));
            return "Waiver of '" + waiver.rule() + "' requested; a security lead or release captain other than you must approve it.";
        }, refusal -> {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("rule", rule);
            form.put("reason", reason);
            form.put("ticket", ticket);
            form.put("expiresAt", expiresAt);
            flash.addFlashAttribute("waiverForm", form);
            flash.addFlashAttribute("waiverErrors", FieldErrors.of(refusal));
        });
        return backTo(project, version, environment);
    }

    @PostMapping(RELEASE + "/waivers/{id}/approve")
    @RequiresPermission(Permission.WAIVERS_APPROVE)
    String approveWaiver(@PathVariable String project, @PathVariable String version, @PathVariable String id,
            @RequestParam(defaultValue = "") String environment, RedirectAttributes flash) {
        targets.require(project, version, environment);
        attempt(flash, "The waiver was not approved", () -> {
            ReleaseWaivers.Summary waiver = waivers.approve(CurrentCaller.require(), parseId(id, "waiver"));
            return "Waiver of '" + waiver.rule() + "' approved until " + waiver.expiresAt() + ".";
        });
        return backTo(project, version, environment);
    }

    @PostMapping(RELEASE + "/waivers/{id}/reject")
    @RequiresPermission(Permission.WAIVERS_APPROVE)
    String rejectWaiver(@PathVariable String project, @PathVariable String version, @PathVariable String id,
            @RequestParam(defaultValue = "") String environment, @RequestParam(defaultValue = "") String comment, RedirectAttributes flash) {
        targets.require(project, version, environment);
        attempt(flash, "The waiver was not rejected", () -> {
            ReleaseWaivers.Summary waiver = waivers.reject(CurrentCaller.require(), parseId(id, "waiver"), blankToNull(comment));
            return "Waiver of '" + waiver.rule() + "' rejected.";
        }, refusal -> {
            flash.addFlashAttribute("rejectWaiver", id);
            flash.addFlashAttribute("rejectComment", comment);
            flash.addFlashAttribute("rejectErrors", FieldErrors.of(refusal));
        });
        return backTo(project, version, environment);
    }

    /** Declares {@code waivers:request} like the API's revoke; the service lets only the requester or a decider revoke. */
    @PostMapping(RELEASE + "/waivers/{id}/revoke")
    @RequiresPermission(Permission.WAIVERS_REQUEST)
    String revokeWaiver(@PathVariable String project, @PathVariable String version, @PathVariable String id,
            @RequestParam(defaultValue = "") String environment, @RequestParam(defaultValue = "") String reason, RedirectAttributes flash) {
        targets.require(project, version, environment);
        attempt(flash, "The waiver was not revoked", () -> {
            ReleaseWaivers.Summary waiver = waivers.revoke(CurrentCaller.require(), parseId(id, "waiver"), blankToNull(reason));
            return "Waiver of '" + waiver.rule() + "' revoked; it no longer covers the rule.";
        }, refusal -> {
            flash.addFlashAttribute("revokeWaiver", id);
            flash.addFlashAttribute("revokeReason", reason);
            flash.addFlashAttribute("revokeErrors", FieldErrors.of(refusal));
        });
        return backTo(project, version, environment);
    }

    @PostMapping(RELEASE + "/approvals")
    @RequiresPermission(Permission.RELEASES_APPROVE)
    String approveRelease(@PathVariable String project, @PathVariable String version, @RequestParam(defaultValue = "") String environment,
            @RequestParam(defaultValue = "") String role, RedirectAttributes flash) {
        ReleaseTargets.Target target = targets.require(project, version, environment);
        attempt(flash, "The release was not approved", () -> {
            ReleaseApprovals.Summary approval = approvals.approve(CurrentCaller.require(), target.project(), target.release(),
                    target.environment(), blankToNull(role));
            return "Release " + version + " approved for " + environment + " as " + approval.role() + ".";
        });
        return backTo(project, version, environment);
    }

    /** Withdraws the caller's own approval, like the API's withdraw; withdrawing it again changes nothing. */
    @PostMapping(RELEASE + "/approvals/{id}/withdraw")
    @RequiresPermission(Permission.RELEASES_APPROVE)
    String withdrawApproval(@PathVariable String project, @PathVariable String version, @PathVariable String id,
            @RequestParam(defaultValue = "") String environment, RedirectAttributes flash) {
        ReleaseTargets.Target target = targets.require(project, version, environment);
        attempt(flash, "The approval was not withdrawn", () -> {
            ReleaseApprovals.Summary approval = approvals.withdraw(CurrentCaller.require(), target.release(), target.environment(),
                    parseId(id, "approval"));
            return "Your approval of release " + version + " for " + environment + " as " + approval.role() + " was withdrawn.";
        });
        return backTo(project, version, environment);
    }

    @PostMapping(RELEASE + "/decisions")
    @RequiresPermission(Permission.DECISIONS_RECORD)
    String recordDecision(@PathVariable String project, @PathVariable String version, @RequestParam(defaultValue = "") String environment,
            RedirectAttributes flash) {
        ReleaseTargets.Target target = targets.require(project, version, environment);
        attempt(flash, "No decision was recorded", () -> {
            ReleaseDecisions.Summary decision = decisions.record(CurrentCaller.require(), target.project(), target.release(),
                    target.environment());
            return "Decision recorded: " + decision.verdict() + ", score " + decision.score() + " (ledger entry " + decision.ledgerIndex() + ").";
        });
        return backTo(project, version, environment);
    }

    /** Changes nothing, like the API's replay, which is why it only needs project:read. */
    @PostMapping(RELEASE + "/decisions/{id}/replay")
    @RequiresPermission(Permission.PROJECT_READ)
    String replayDecision(@PathVariable String project, @PathVariable String version, @PathVariable String id,
            @RequestParam(defaultValue = "") String environment, RedirectAttributes flash) {
        targets.require(project, version, environment);
        Caller caller = CurrentCaller.require();
        try {
            ReleaseDecisions.Replayed replayed = decisions.replay(caller, id);
            // Flash attributes live in the session, which is serialized: plain strings and lists only.
            flash.addFlashAttribute("replayDecision", replayed.decision());
            flash.addFlashAttribute("replayIdentical", replayed.identical() && replayed.inputsIntact());
            ArrayList<String> differences = new ArrayList<>(replayed.differences());
            if (!replayed.inputsIntact()) {
                differences.addFirst("The stored inputs no longer match the digest in the ledger entry.");
            }
            flash.addFlashAttribute("replayDifferences", differences);
        } catch (GreenlightException e) {
            flash.addFlashAttribute("error", "The decision could not be replayed: " + e.getMessage());
        }
        return backTo(project, version, environment);
    }

    /** Runs a form's action and shows its notice; a refusal shows the problem's detail instead. */
    private static void attempt(RedirectAttributes flash, String refused, Supplier<String> action) {
        attempt(flash, refused, action, refusal -> { });
    }

    /** As {@link #attempt(RedirectAttributes, String, Supplier)}, and on a refusal keeps what the form shows again. */
    private static void attempt(RedirectAttributes flash, String refused, Supplier<String> action, Consumer<GreenlightException> onRefusal) {
        try {
            flash.addFlashAttribute("notice", action.get());
        } catch (GreenlightException e) {
            onRefusal.accept(e);
            flash.addFlashAttribute("error", refused + ": " + e.getMessage());
        }
    }

    private static String backTo(String project, String version, String environment) {
        UriComponentsBuilder page = UriComponentsBuilder.fromPath(RELEASE);
        if (!environment.isEmpty()) {
            page.queryParam("environment", "{environment}");
        }
        return "redirect:" + page.buildAndExpand(Map.of("project", project, "version", version, "environment", environment))
                .encode().toUriString();
    }

    private static @Nullable String blankToNull(String value) {
        return value.isBlank() ? null : value;
    }

    /** A waiver expires at the start (00:00 UTC) of the chosen day; an unreadable date counts as none. */
    private static @Nullable Instant startOfDay(String date) {
        try {
            return date.isBlank() ? null : LocalDate.parse(date.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static UUID parseId(String id, String what) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw GreenlightException.notFound("No such " + what + ".");
        }
    }
}
