package dev.greenlight.server.waivers;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import dev.greenlight.server.approvals.ApprovalPreconditions;
import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.ProblemKind;
import dev.greenlight.server.projects.Environment;
import dev.greenlight.server.releases.Release;

/**
 * Hand-written stand-ins for the ports the gates feature implements, so that waiver and approval tests control what a
 * gate says and keep working, unchanged, once the real implementations exist ({@link Primary} wins over them).
 * Every test class that imports this shares one application.
 */
@TestConfiguration(proxyBeanMethods = false)
public class GatePortFakes {
    /** Rule ids that start with this are not rules of any gate; every other id is. */
    public static final String UNKNOWN_RULE_PREFIX = "no-such-";

    @Bean
    @Primary
    RulesOfEveryGate rulesOfEveryGate() {
        return new RulesOfEveryGate();
    }

    @Bean
    @Primary
    public BlockedReleases blockedReleases() {
        return new BlockedReleases();
    }

    /** Every gate has every rule, except those named {@code no-such-…}. */
    static final class RulesOfEveryGate implements WaivableRules {
        @Override
        public void requireRule(Release release, Environment environment, String rule) {
            if (rule.startsWith(UNKNOWN_RULE_PREFIX)) {
                throw new GreenlightException(ProblemKind.VALIDATION_FAILED, "The request has 1 invalid field.")
                        .with("errors", List.of(Map.of("field", "rule", "message", "the gate of '" + environment.name() + "' has no rule '" + rule + "'")));
            }
        }
    }

    /** Releases a test marked as blocked have an unwaived blocker in every environment; others have none. */
    public static final class BlockedReleases implements ApprovalPreconditions {
        private final Set<UUID> blocked = ConcurrentHashMap.newKeySet();

        public void block(UUID releaseId) {
            blocked.add(releaseId);
        }

        public void unblock(UUID releaseId) {
            blocked.remove(releaseId);
        }

        @Override
        public void requireNoBlockers(Release release, Environment environment) {
            if (blocked.contains(release.id())) {
                throw GreenlightException.conflict("Release '" + release.version() + "' has blockers in '" + environment.name()
                        + "' that no waiver covers.");
            }
        }
    }
}
