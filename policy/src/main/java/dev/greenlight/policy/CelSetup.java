package dev.greenlight.policy;

import java.util.Map;

import dev.cel.common.CelOptions;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;

/**
 * How Greenlight sets up CEL: the standard library and macros, no extensions, numbers of different types comparable
 * ({@code perf.p95Ms <= params.budget} whatever their types), integer overflow an error, and the limits of
 * {@link EvaluationLimits}. Rules run on CEL's planner runtime, which evaluates a rule several times faster than the
 * legacy interpreter.
 */
final class CelSetup {
    /** The name rules read the release's quarantine list by. */
    static final String QUARANTINE = "release.quarantine";
    static final String PARAMETER_PREFIX = "params.";

    static final CelOptions OPTIONS = CelOptions.current()
            .enableHeterogeneousNumericComparisons(true)
            .comprehensionMaxIterations(EvaluationLimits.MAX_ITERATIONS)
            .maxExpressionCodePointSize(EvaluationLimits.MAX_EXPRESSION_LENGTH)
            .maxParseRecursionDepth(EvaluationLimits.MAX_EXPRESSION_DEPTH)
            .maxParseExpressionNodeCount(EvaluationLimits.MAX_EXPRESSION_NODES)
            .maxRegexProgramSize(EvaluationLimits.MAX_REGEX_PROGRAM_SIZE)
            .build();

    /** Thread-safe; one for every pack. */
    static final CelRuntime RUNTIME = CelRuntimeFactory.plannerRuntimeBuilder().setOptions(OPTIONS).build();

    private CelSetup() {
    }

    /** A compiler that knows every fact of the catalog, the pack's parameters and the quarantine list. */
    static CelCompiler compiler(FactCatalog catalog, Map<String, ParameterDeclaration> parameters) {
        CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(OPTIONS)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .setResultType(SimpleType.BOOL);
        catalog.facts().forEach((name, type) -> builder.addVar(name, celType(type)));
        parameters.values().forEach(parameter -> builder.addVar(PARAMETER_PREFIX + parameter.name(), celType(parameter.type())));
        builder.addVar(QUARANTINE, ListType.create(SimpleType.STRING));
        return builder.build();
    }

    static CelType celType(FactType type) {
        return switch (type) {
            case BOOL -> SimpleType.BOOL;
            case INT -> SimpleType.INT;
            case DOUBLE -> SimpleType.DOUBLE;
            case STRING -> SimpleType.STRING;
            case STRING_LIST -> ListType.create(SimpleType.STRING);
            case MAP_LIST -> ListType.create(MapType.create(SimpleType.STRING, SimpleType.DYN));
            case LIST -> ListType.create(SimpleType.DYN);
            case MAP -> MapType.create(SimpleType.STRING, SimpleType.DYN);
        };
    }
}
