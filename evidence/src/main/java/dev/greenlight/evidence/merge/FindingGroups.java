package dev.greenlight.evidence.merge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import dev.greenlight.evidence.facts.Finding;
import dev.greenlight.evidence.facts.Severity;

/**
 * Findings of several scanners and SBOMs with duplicates merged. Two findings are the same when they are in the same
 * package — same name and installed version, or the same package URL ignoring qualifiers (Trivy names Maven
 * packages {@code group:artifact}, Grype {@code artifact}) — and their ids and aliases intersect (Grype reports the
 * GHSA with the CVE as an alias where Trivy reports the CVE). Sameness is transitive: a finding that shares an id
 * with two earlier ones joins them into one. Each merged finding keeps its first id, the highest severity, a fix when
 * any report knows one, and every other id as an alias.
 */
final class FindingGroups {
    private final List<@Nullable Group> groups = new ArrayList<>();
    private final Map<Object, Group> groupsByKey = new HashMap<>();

    private static final class Group {
        private final int position;
        private final Set<Object> keys = new LinkedHashSet<>();
        private Finding finding;

        private Group(int position, Finding finding) {
            this.position = position;
            this.finding = finding;
        }
    }

    private record NameKey(@Nullable String packageName, @Nullable String installedVersion, String id) {
    }

    private record PurlKey(String packageUrl, String id) {
    }

    void add(Finding finding) {
        Set<Object> keys = keys(finding);
        TreeMap<Integer, Group> same = new TreeMap<>();
        for (Object key : keys) {
            Group group = groupsByKey.get(key);
            if (group != null) {
                same.put(group.position, group);
            }
        }
        Group target;
        if (same.isEmpty()) {
            target = new Group(groups.size(), finding);
            groups.add(target);
        } else {
            target = same.pollFirstEntry().getValue();
            target.finding = combine(target.finding, finding);
            for (Group absorbed : same.values()) {
                target.finding = combine(target.finding, absorbed.finding);
                target.keys.addAll(absorbed.keys);
                groups.set(absorbed.position, null);
            }
        }
        target.keys.addAll(keys);
        // The combined finding may carry ids none of its parts had under this package name.
        target.keys.addAll(keys(target.finding));
        target.keys.forEach(key -> groupsByKey.put(key, target));
    }

    /** The merged findings, in the order their first report listed them. */
    List<Finding> findings() {
        return groups.stream().filter(Objects::nonNull).map(group -> group.finding).toList();
    }

    private static Set<Object> keys(Finding finding) {
        PackageUrl packageUrl = finding.purl() == null ? null : PackageUrl.parse(finding.purl());
        Set<Object> keys = new LinkedHashSet<>();
        for (String id : VulnerabilityIds.of(finding)) {
            keys.add(new NameKey(finding.packageName(), finding.installedVersion(), id));
            if (packageUrl != null) {
                keys.add(new PurlKey(packageUrl.identity(), id));
            }
        }
        return keys;
    }

    private static Finding combine(Finding kept, Finding other) {
        Severity higher = other.severity().ordinal() < kept.severity().ordinal() ? other.severity() : kept.severity();
        String fixedVersion = kept.hasFix() || !other.hasFix() ? firstPresent(kept.fixedVersion(), other.fixedVersion()) : other.fixedVersion();
        return new Finding(kept.id(), higher,
                firstPresent(kept.packageName(), other.packageName()),
                firstPresent(kept.installedVersion(), other.installedVersion()),
                fixedVersion,
                firstPresent(kept.purl(), other.purl()),
                firstPresent(kept.title(), other.title()),
                aliases(kept, other));
    }

    /** Every id of both but the kept one, each spelling of an id once. */
    private static List<String> aliases(Finding kept, Finding other) {
        Set<String> seen = new HashSet<>();
        seen.add(VulnerabilityIds.normalise(kept.id()));
        List<String> aliases = new ArrayList<>();
        List<String> candidates = new ArrayList<>(kept.aliases());
        candidates.add(other.id());
        candidates.addAll(other.aliases());
        for (String candidate : candidates) {
            if (seen.add(VulnerabilityIds.normalise(candidate))) {
                aliases.add(candidate);
            }
        }
        return aliases;
    }

    private static @Nullable String firstPresent(@Nullable String first, @Nullable String second) {
        return first != null ? first : second;
    }
}
