package dev.greenlight.server.gates;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.greenlight.policy.BaselinePack;
import dev.greenlight.policy.CompiledPack;
import dev.greenlight.policy.PolicyCompiler;
import dev.greenlight.policy.PolicyException;
import dev.greenlight.policy.PolicyPack;
import dev.greenlight.policy.PolicyPackParser;
import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.ProblemKind;

/**
 * Parses and compiles packs, and keeps compiled packs by the SHA-256 of their YAML: compiling type-checks every
 * expression, which is far too slow to repeat per readiness request, and a pack version never changes.
 */
@Component
class CompiledPacks {
    /** Workspaces keep a handful of pack versions in use; beyond this the cache starts over rather than grow. */
    private static final int MAX_CACHED = 256;

    private final PolicyCompiler compiler = new PolicyCompiler();
    private final Map<String, CompiledPack> bySha256 = new ConcurrentHashMap<>();
    /** Parsed once: readiness asks for it on every request whose gate uses it. */
    private volatile @Nullable CompiledPack baseline;

    /** Parses and compiles YAML from a client: every problem becomes an invalid-policy problem listing them all. */
    CompiledPack compile(byte[] yaml, String sourceName) {
        try {
            PolicyPack pack = PolicyPackParser.parse(yaml, sourceName);
            CompiledPack cached = bySha256.get(pack.sha256());
            return cached != null ? cached : remember(compiler.compile(pack));
        } catch (PolicyException e) {
            throw invalid(e);
        }
    }

    /** A stored pack compiled; it compiled when it was stored, so a failure now is a bug, not bad input. */
    CompiledPack of(StoredPack stored) {
        CompiledPack cached = bySha256.get(stored.sha256());
        if (cached != null) {
            return cached;
        }
        try {
            return remember(compiler.compile(PolicyPackParser.parse(stored.source(), stored.packId() + "@" + stored.version())));
        } catch (PolicyException e) {
            throw new IllegalStateException("stored pack " + stored.packId() + "@" + stored.version() + " no longer compiles: "
                    + e.getMessage(), e);
        }
    }

    /** The built-in baseline pack, which ships with this version of Greenlight. */
    CompiledPack baseline() {
        CompiledPack known = baseline;
        if (known == null) {
            known = compile(BaselinePack.yaml(), "greenlight/baseline (built in)");
            baseline = known;
        }
        return known;
    }

    private CompiledPack remember(CompiledPack compiled) {
        if (bySha256.size() >= MAX_CACHED) {
            bySha256.clear();
        }
        bySha256.put(compiled.pack().sha256(), compiled);
        return compiled;
    }

    static GreenlightException invalid(PolicyException e) {
        List<Map<String, Object>> problems = e.problems().stream().map(problem -> {
            Map<String, Object> view = new java.util.LinkedHashMap<>();
            if (problem.rule() != null) {
                view.put("rule", problem.rule());
            }
            if (problem.line() != null) {
                view.put("line", problem.line());
            }
            if (problem.column() != null) {
                view.put("column", problem.column());
            }
            view.put("message", problem.message());
            return view;
        }).toList();
        String first = e.problems().getFirst().toString();
        String detail = problems.size() == 1 ? "The policy pack is not valid: " + first
                : "The policy pack is not valid (" + problems.size() + " problems; the first: " + first + ")";
        return new GreenlightException(ProblemKind.INVALID_POLICY, detail.length() > 1_000 ? detail.substring(0, 1_000) + "…" : detail)
                .with("problems", problems);
    }
}
