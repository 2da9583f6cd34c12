package dev.greenlight.server.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import dev.greenlight.server.ledger.LedgerBrowsing;
import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.CurrentCaller;
import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.Page;
import dev.greenlight.server.platform.PageRequest;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.ProblemKind;
import dev.greenlight.server.platform.RequiresPermission;

/**
 * The workspace's ledger: its newest checkpoint, whose signatures the server verifies against the published verifier
 * keys with the ledger library, and an explorer of its entries (filters as a plain GET form, cursor pagination).
 */
@Controller
class LedgerPageController {
    static final int PAGE_SIZE = 50;

    private final LedgerBrowsing ledger;

    LedgerPageController(LedgerBrowsing ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/ledger")
    @RequiresPermission(Permission.LEDGER_READ)
    String ledger(@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String project,
            @RequestParam(defaultValue = "") String actor, @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to, @RequestParam(required = false) @Nullable Integer limit, @RequestParam(required = false) @Nullable String cursor, Model model) {
        Caller caller = CurrentCaller.require();
        String workspace = caller.workspaceSlug();
        model.addAttribute("caller", caller);
        model.addAttribute("workspace", workspace);
        model.addAttribute("origin", ledger.origin(workspace));
        model.addAttribute("checkpoint", ledger.latestCheckpoint(workspace)
                .map(stored -> LedgerCheckpointView.verify(stored, ledger.verifierKeys(workspace))).orElse(null));

        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("kind", kind.strip());
        filters.put("project", project.strip());
        filters.put("actor", actor.strip());
        filters.put("from", from.strip());
        filters.put("to", to.strip());
        if (limit != null && limit != PAGE_SIZE) {
            filters.put("limit", Integer.toString(Math.clamp(limit, 1, PageRequest.MAX_LIMIT)));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<Instant> since = day(filters.get("from"), "from", errors);
        Optional<Instant> until = day(filters.get("to"), "to", errors).map(start -> start.plusSeconds(86_400));
        if (errors.isEmpty() && since.isPresent() && until.isPresent() && !since.get().isBefore(until.get())) {
            errors.put("to", "The end date must not lie before the start date.");
        }
        boolean firstPage = cursor == null || cursor.isEmpty();
        model.addAttribute("filters", filters);
        model.addAttribute("filtered", filters.entrySet().stream().anyMatch(filter -> !filter.getKey().equals("limit") && !filter.getValue().isEmpty()));
        model.addAttribute("errors", errors);
        model.addAttribute("firstPage", firstPage);
        model.addAttribute("firstPageLink", link(filters, null));
        if (!errors.isEmpty()) {
            model.addAttribute("entries", List.of());
            model.addAttribute("nextPageLink", null);
            return "dashboard/ledger";
        }
        Page<LedgerBrowsing.Entry> page = ledger.entries(workspace, blankToNull(filters.get("kind")), blankToNull(filters.get("project")),
                blankToNull(filters.get("actor")), since.orElse(null), until.orElse(null), PageRequest.of(limit == null ? PAGE_SIZE : Math.clamp(limit, 1, PageRequest.MAX_LIMIT), cursor));
        model.addAttribute("entries", page.items().stream().map(entry -> LedgerEntryRow.of(entry, workspace)).toList());
        model.addAttribute("nextPageLink", page.nextCursor() == null ? null : link(filters, page.nextCursor()));
        return "dashboard/ledger";
    }

    /** Like {@link PageErrors}: no session leads to the sign-in page, anything else to the error page. */
    @ExceptionHandler(GreenlightException.class)
    String refused(GreenlightException exception, HttpServletResponse response, Model model) {
        return errorPage(exception, response, model);
    }

    static String errorPage(GreenlightException exception, HttpServletResponse response, Model model) {
        if (exception.kind() == ProblemKind.UNAUTHENTICATED) {
            return "redirect:/login";
        }
        response.setStatus(exception.kind().status().value());
        CurrentCaller.find().ifPresent(caller -> model.addAttribute("caller", caller));
        model.addAttribute("status", exception.kind().status().value());
        model.addAttribute("title", exception.kind().title());
        model.addAttribute("detail", exception.getMessage());
        return "dashboard/error";
    }

    /** The page with the same filters at a cursor (the first page when null). */
    private static String link(Map<String, String> filters, @Nullable String cursor) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/ledger");
        List<Object> values = new ArrayList<>();
        filters.forEach((name, value) -> {
            if (!value.isEmpty()) {
                uri.queryParam(name, "{v" + values.size() + "}");
                values.add(value);
            }
        });
        if (cursor != null) {
            uri.queryParam("cursor", "{v" + values.size() + "}");
            values.add(cursor);
        }
        return uri.encode().buildAndExpand(values.toArray()).toUriString();
    }

    private static Optional<Instant> day(String value, String field, Map<String, String> errors) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException e) {
            errors.put(field, "Enter a date as YYYY-MM-DD.");
            return Optional.empty();
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
