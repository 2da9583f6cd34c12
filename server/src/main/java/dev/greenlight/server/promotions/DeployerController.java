package dev.greenlight.server.promotions;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.greenlight.server.ledger.Ledger;
import dev.greenlight.server.ledger.LedgerEvent;
import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.CurrentCaller;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.RequiresPermission;
import dev.greenlight.server.projects.Environment;
import dev.greenlight.server.projects.Environments;
import dev.greenlight.server.projects.Project;
import dev.greenlight.server.projects.ProjectCatalog;

/**
 * An environment's deployer. The webhook secret is write-only: no answer contains it, only whether one is set; the
 * ledger records the kind and the host, never the URL's path or query (they may carry tokens).
 */
@RestController
@RequestMapping("/api/v1/projects/{project}/environments/{environment}/deployer")
class DeployerController {
    private static final int MIN_SECRET = 24;
    private static final int MAX_SECRET = 256;
    private static final int MAX_URL = 2000;

    private final ProjectCatalog projects;
    private final Environments environments;
    private final DeployerRepository repository;
    private final Ledger ledger;
    private final Clock clock;

    DeployerController(ProjectCatalog projects, Environments environments, DeployerRepository repository, Ledger ledger, Clock clock) {
        this.projects = projects;
        this.environments = environments;
        this.repository = repository;
        this.ledger = ledger;
        this.clock = clock;
    }

    record DeployerBody(@Nullable String kind, @Nullable String url, @Nullable String secret, @Nullable String timeout) {
    }

    record DeployerView(String kind, @Nullable String url, boolean hasSecret, String timeout, @Nullable String updatedBy,
            @Nullable Instant updatedAt) {
        static DeployerView of(DeployerSettings settings) {
            return new DeployerView(settings.kind().wireName(), settings.url(), settings.secret() != null, settings.timeout().toString(),
                    settings.updatedBy(), settings.updatedAt());
        }
    }

    @GetMapping
    @RequiresPermission(Permission.PROJECT_READ)
    DeployerView show(@PathVariable String project, @PathVariable String environment) {
        Caller caller = CurrentCaller.require();
        Project found = projects.require(caller.workspaceId(), project);
        return DeployerView.of(repository.of(environments.require(found, environment).id()));
    }

    @PutMapping
    @RequiresPermission(Permission.ENVIRONMENTS_MANAGE)
    @Transactional
    DeployerView configure(@PathVariable String project, @PathVariable String environment, @RequestBody(required = false) @Nullable DeployerBody body) {
        FieldChecks checks = new FieldChecks();
        DeployerSettings.Kind kind = null;
        String kindText = body == null ? null : body.kind();
        if ("webhook".equals(kindText)) {
            kind = DeployerSettings.Kind.WEBHOOK;
        } else if ("external".equals(kindText)) {
            kind = DeployerSettings.Kind.EXTERNAL;
        } else {
            checks.fail("kind", "must be webhook or external");
        }
        Duration timeout = checks.duration("timeout", body == null ? null : body.timeout(), DeployerSettings.DEFAULT_TIMEOUT, Duration.ofSeconds(1),
                Duration.ofSeconds(60));
        String url = null;
        String secret = null;
        if (kind == DeployerSettings.Kind.WEBHOOK) {
            url = checkedUrl(checks, body.url());
            secret = body.secret();
            if (secret == null || secret.length() < MIN_SECRET || secret.length() > MAX_SECRET) {
                checks.fail("secret", "must be " + MIN_SECRET + " to " + MAX_SECRET + " characters");
            }
        } else if (body != null && (body.url() != null || body.secret() != null)) {
            checks.fail("url", "an external deployer is not called, so it has no url or secret");
        }
        checks.throwIfAny();
        Caller caller = CurrentCaller.require();
        Project found = projects.require(caller.workspaceId(), project);
        Environment env = environments.require(found, environment);
        repository.save(found.workspaceId(), env.id(), kind, url, secret, timeout, caller.principalId(), clock.instant());
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("environment", env.name());
        subject.put("kind", kind.wireName());
        subject.put("host", url == null ? null : URI.create(url).getHost());
        ledger.append(LedgerEvent.ofProject(caller, "deployer.configured", found.slug(), subject));
        return DeployerView.of(repository.of(env.id()));
    }

    private static @Nullable String checkedUrl(FieldChecks checks, @Nullable String url) {
        if (url == null || url.length() > MAX_URL) {
            checks.fail("url", "must be an http(s) URL of at most " + MAX_URL + " characters");
            return null;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                checks.fail("url", "must be an absolute http(s) URL with a host");
                return null;
            }
            if (uri.getRawUserInfo() != null) {
                checks.fail("url", "must not carry credentials; the secret signs the requests");
                return null;
            }
            return url;
        } catch (URISyntaxException e) {
            checks.fail("url", "is not a valid URL");
            return null;
        }
    }
}
