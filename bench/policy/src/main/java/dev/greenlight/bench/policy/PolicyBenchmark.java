package dev.greenlight.bench.policy;

import dev.greenlight.policy.CompiledPack;
import dev.greenlight.policy.Evaluation;
import dev.greenlight.policy.EvaluationInput;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One evaluation of the 50-rule pack over the large release's facts ({@link ReleaseFixture}), as a gate does it:
 * {@code CompiledPack.evaluate} (convert the facts the rules read, run every rule, record the values each read), against
 * the same 50 checks in plain Java over the same maps. Sample time, so that JMH reports percentiles (p50, p99) of single
 * evaluations rather than only a mean.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PolicyBenchmark {
    private CompiledPack pack;
    private EvaluationInput input;
    private Map<String, Object> facts;
    private List<Check> checks;

    @Setup(Level.Trial)
    public void setUp() {
        checks = FiftyChecks.all();
        pack = Agreement.compile(checks);
        facts = ReleaseFixture.facts();
        input = new EvaluationInput(facts, FiftyChecks.parameters(), ReleaseFixture.QUARANTINE);
        // A benchmark of checks that disagree would compare different work.
        Agreement.verify(checks, pack, facts);
    }

    @Benchmark
    public Evaluation cel() {
        return pack.evaluate(input);
    }

    @Benchmark
    public boolean[] plainJava() {
        boolean[] passed = new boolean[checks.size()];
        for (int index = 0; index < passed.length; index++) {
            passed[index] = checks.get(index).java().passes(facts, ReleaseFixture.QUARANTINE);
        }
        return passed;
    }
}
