package dev.greenlight.server.gates;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.greenlight.policy.CompiledPack;
import dev.greenlight.policy.ParameterDeclaration;
import dev.greenlight.policy.Rule;
import dev.greenlight.server.platform.Actor;
import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.CurrentCaller;
import dev.greenlight.server.platform.Page;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.RequiresPermission;

/**
 * Policy packs of the workspace: upload a version (YAML), read versions and their rules, activate a version after its
 * tests pass. Pack ids have two segments, which are the last two segments of the path.
 */
@RestController
@RequestMapping("/api/v1/policies")
class PolicyPackController {
    private static final String YAML = "application/yaml";

    private final PolicyPacks packs;
    private final CompiledPacks compiled;

    PolicyPackController(PolicyPacks packs, CompiledPacks compiled) {
        this.packs = packs;
        this.compiled = compiled;
    }

    /** Any content type: YAML is read, and JSON, being YAML too, as well. */
    @PostMapping
    @RequiresPermission(Permission.POLICIES_MANAGE)
    @Transactional
    ResponseEntity<PackVersionView> upload(@RequestBody byte[] yaml) {
        Caller caller = CurrentCaller.require();
        PolicyPacks.Upload upload = packs.upload(Actor.of(caller), yaml);
        PackVersionView view = view(upload.pack(), packs.activeVersion(caller.workspaceId(), upload.pack().packId()).orElse(null));
        if (!upload.created()) {
            return ResponseEntity.ok(view);
        }
        return ResponseEntity.created(URI.create(path(upload.pack().packId()) + "/versions/" + upload.pack().version())).body(view);
    }

    /** A workspace has a handful of packs: one page holds them all, the built-in baseline first. */
    @GetMapping
    @RequiresPermission(Permission.POLICIES_READ)
    Page<PackSummary> list() {
        Map<String, String> ids = packs.packIds(CurrentCaller.require().workspaceId());
        return new Page<>(ids.entrySet().stream()
                .map(entry -> new PackSummary(entry.getKey(), entry.getValue(), entry.getKey().equals(PolicyPacks.BASELINE_ID)))
                .toList(), null);
    }

    @GetMapping("/{namespace}/{name}")
    @RequiresPermission(Permission.POLICIES_READ)
    PackVersions versions(@PathVariable String namespace, @PathVariable String name) {
        String packId = namespace + "/" + name;
        Caller caller = CurrentCaller.require();
        List<StoredPack> versions = packs.versions(caller.workspaceId(), packId);
        if (versions.isEmpty()) {
            throw dev.greenlight.server.platform.GreenlightException.notFound("There is no policy pack " + packId + ".");
        }
        String active = packs.activeVersion(caller.workspaceId(), packId).orElse(null);
        return new PackVersions(packId, active, versions.stream().map(one -> summary(one, active)).toList());
    }

    @GetMapping("/{namespace}/{name}/versions/{version}")
    @RequiresPermission(Permission.POLICIES_READ)
    PackVersionView version(@PathVariable String namespace, @PathVariable String name, @PathVariable String version) {
        Caller caller = CurrentCaller.require();
        StoredPack stored = packs.require(caller.workspaceId(), namespace + "/" + name, version);
        return view(stored, packs.activeVersion(caller.workspaceId(), stored.packId()).orElse(null));
    }

    /** The YAML exactly as uploaded; its SHA-256 is the ETag and what decisions record. */
    @GetMapping(value = "/{namespace}/{name}/versions/{version}/source", produces = YAML)
    @RequiresPermission(Permission.POLICIES_READ)
    ResponseEntity<byte[]> source(@PathVariable String namespace, @PathVariable String name, @PathVariable String version) {
        StoredPack stored = packs.require(CurrentCaller.require().workspaceId(), namespace + "/" + name, version);
        return ResponseEntity.ok().eTag("\"" + stored.sha256() + "\"").contentType(MediaType.parseMediaType(YAML)).body(stored.source());
    }

    /** Runs the version's own tests; when they pass, gates use this version from now on. */
    @PostMapping("/{namespace}/{name}/versions/{version}/activate")
    @RequiresPermission(Permission.POLICIES_MANAGE)
    @Transactional
    PackVersionView activate(@PathVariable String namespace, @PathVariable String name, @PathVariable String version) {
        Caller caller = CurrentCaller.require();
        StoredPack stored = packs.activate(Actor.of(caller), namespace + "/" + name, version);
        return view(stored, stored.version());
    }

    private PackVersionView view(StoredPack stored, @Nullable String activeVersion) {
        CompiledPack pack = compiled.of(stored);
        return new PackVersionView(stored.packId(), stored.version(), stored.description(), stored.sha256(),
                stored.version().equals(activeVersion), stored.builtIn(), stored.uploadedBy(), stored.uploadedAt(),
                pack.pack().parameters().values().stream().map(ParameterView::of).toList(),
                pack.pack().rules().stream().map(PackRuleView::of).toList(), pack.pack().tests().size());
    }

    private static VersionSummary summary(StoredPack stored, @Nullable String activeVersion) {
        return new VersionSummary(stored.version(), stored.sha256(), stored.ruleCount(), stored.version().equals(activeVersion),
                stored.uploadedBy(), stored.uploadedAt());
    }

    private static String path(String packId) {
        return "/api/v1/policies/" + packId;
    }

    record PackSummary(String id, @Nullable String activeVersion, boolean builtIn) {
    }

    record PackVersions(String id, @Nullable String activeVersion, List<VersionSummary> versions) {
    }

    record VersionSummary(String version, String sha256, int rules, boolean active, @Nullable String uploadedBy, @Nullable Instant uploadedAt) {
    }

    record PackVersionView(String id, String version, String description, String sha256, boolean active, boolean builtIn,
            @Nullable String uploadedBy, @Nullable Instant uploadedAt, List<ParameterView> parameters, List<PackRuleView> rules, int tests) {
    }

    record ParameterView(String name, String type, @Nullable Object defaultValue, String description) {
        static ParameterView of(ParameterDeclaration declaration) {
            return new ParameterView(declaration.name(), declaration.type().celName(), declaration.defaultValue(), declaration.description());
        }
    }

    record PackRuleView(String id, String title, String severity, int weight, List<String> requires, String expression,
            String remediation, @Nullable String remediationLink) {
        static PackRuleView of(Rule rule) {
            return new PackRuleView(rule.id(), rule.title(), rule.severity().wireName(), rule.weight(), rule.requires(), rule.expression(),
                    rule.remediation().text(), rule.remediation().link());
        }
    }
}
