package dev.greenlight.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class ConcurrentEvaluationTest {
    @Test
    void evaluatingFromSeveralThreadsGivesTheSameAnswers() throws Exception {
        CompiledPack pack = Packs.compile(BaselinePack.yaml());
        List<EvaluationInput> inputs = pack.pack().tests().stream()
                .map(test -> new EvaluationInput(test.facts(), test.parameters(), test.quarantine())).toList();
        List<Evaluation> expected = inputs.stream().map(pack::evaluate).toList();

        List<Future<List<Evaluation>>> futures = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (int thread = 0; thread < 8; thread++) {
                int offset = thread;
                futures.add(threads.submit(() -> {
                    List<Evaluation> evaluations = new ArrayList<>();
                    for (int round = 0; round < 50; round++) {
                        // Each thread walks the inputs from a different start, so different inputs run at the same time.
                        for (int index = 0; index < inputs.size(); index++) {
                            evaluations.add(pack.evaluate(inputs.get((index + offset) % inputs.size())));
                        }
                    }
                    return evaluations;
                }));
            }
            for (int thread = 0; thread < futures.size(); thread++) {
                List<Evaluation> evaluations = futures.get(thread).get();
                for (int index = 0; index < evaluations.size(); index++) {
                    assertThat(evaluations.get(index)).isEqualTo(expected.get((index % inputs.size() + thread) % inputs.size()));
                }
            }
        }
        assertThat(Map.of("cases", expected.size())).containsEntry("cases", inputs.size());
    }
}
