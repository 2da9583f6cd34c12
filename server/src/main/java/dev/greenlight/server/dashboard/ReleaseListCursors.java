package dev.greenlight.server.dashboard;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

import dev.greenlight.server.platform.PageRequest;

/**
 * Where each growing list of the release page starts: the opaque cursor of its page, {@code null} for its first page.
 * Every list pages on its own; the links of one list keep the environment and the other lists' positions, so that
 * paging through evidence does not send the approvals back to their first page.
 */
final class ReleaseListCursors {
    /** Rows per list and page: enough to see what matters at once, few enough to keep the page quick. */
    static final int PAGE_SIZE = 25;

    /** A list of the release page: the query parameter of its cursor and the heading its links scroll to. */
    enum ReleaseList {
        EVIDENCE("evidenceCursor", "evidence-heading"),
        WAIVERS("waiversCursor", "waivers-heading"),
        APPROVALS("approvalsCursor", "approvals-heading"),
        DECISIONS("decisionsCursor", "decisions-heading"),
        PROMOTIONS("promotionsCursor", "promotions-heading");

        private final String parameter;
        private final String anchor;

        ReleaseList(String parameter, String anchor) {
            this.parameter = parameter;
            this.anchor = anchor;
        }

        String parameter() {
            return parameter;
        }
    }

    /** The links under one list: to its first page (when not on it) and to its next page (when there is one). */
    record Pages(@Nullable String firstPageLink, @Nullable String nextPageLink) {
        public boolean shown() {
            return firstPageLink != null || nextPageLink != null;
        }
    }

    private final Map<ReleaseList, String> cursors = new EnumMap<>(ReleaseList.class);

    ReleaseListCursors(@Nullable String evidence, @Nullable String waivers, @Nullable String approvals, @Nullable String decisions,
            @Nullable String promotions) {
        put(ReleaseList.EVIDENCE, evidence);
        put(ReleaseList.WAIVERS, waivers);
        put(ReleaseList.APPROVALS, approvals);
        put(ReleaseList.DECISIONS, decisions);
        put(ReleaseList.PROMOTIONS, promotions);
    }

    private void put(ReleaseList list, @Nullable String cursor) {
        if (cursor != null && !cursor.isBlank()) {
            cursors.put(list, cursor.strip());
        }
    }

    /** The page request of a list; an unreadable cursor is a 400 from {@link PageRequest#of}. */
    PageRequest request(ReleaseList list) {
        return PageRequest.of(PAGE_SIZE, cursors.get(list));
    }

    Pages pages(ReleaseList list, String project, String version, @Nullable String environment, @Nullable String nextCursor) {
        String first = cursors.containsKey(list) ? link(project, version, environment, list, null) : null;
        String next = nextCursor == null ? null : link(project, version, environment, list, nextCursor);
        return new Pages(first, next);
    }

    /** The release page with {@code list} at {@code cursor} and every other list where it is now. */
    private String link(String project, String version, @Nullable String environment, ReleaseList moved, @Nullable String cursor) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/projects/{project}/releases/{version}");
        List<Object> values = new ArrayList<>(List.of(project, version));
        if (environment != null) {
            uri.queryParam("environment", "{v" + values.size() + "}");
            values.add(environment);
        }
        for (ReleaseList list : ReleaseList.values()) {
            String value = list == moved ? cursor : cursors.get(list);
            if (value != null) {
                uri.queryParam(list.parameter(), "{v" + values.size() + "}");
                values.add(value);
            }
        }
        return uri.fragment(moved.anchor).encode().buildAndExpand(values.toArray()).toUriString();
    }
}
