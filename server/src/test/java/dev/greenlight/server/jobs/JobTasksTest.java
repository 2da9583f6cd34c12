package dev.greenlight.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Which handler beans make a valid set of job kinds. */
class JobTasksTest {

    @Test
    void oneTaskPerHandlerByKind() {
        JobTasks tasks = tasks(handler("promotion.advance", 8), handler("notify.slack_v2", 3));

        assertThat(tasks.all()).extracting(HandlerTask::getName).containsExactlyInAnyOrder("promotion.advance", "notify.slack_v2");
        assertThat(tasks.find("notify.slack_v2")).get().extracting(task -> task.handler().maxAttempts()).isEqualTo(3);
        assertThat(tasks.find("nobody")).isEmpty();
    }

    @Test
    void twoHandlersOfOneKindAreRefused() {
        JobTasks tasks = tasks(handler("promotion.advance", 8), handler("promotion.advance", 8));

        assertThatThrownBy(tasks::all).isInstanceOf(IllegalStateException.class).hasMessageContaining("two handlers for job kind 'promotion.advance'");
    }

    @Test
    void kindsThatWouldMakePoorMetricLabelsAndImpossibleAttemptCountsAreRefused() {
        for (String kind : new String[] {"", "Promotion.Advance", "has space", "-leading", "x".repeat(101)}) {
            assertThatThrownBy(() -> tasks(handler(kind, 8)).all()).as(kind).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("a kind is 1-100 lower-case letters");
        }
        assertThatThrownBy(() -> tasks(handler("never.tried", 0)).all()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("allows 0 attempts");
    }

    private static JobTasks tasks(JobHandler... handlers) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        for (int i = 0; i < handlers.length; i++) {
            beans.registerSingleton("handler" + i, handlers[i]);
        }
        // Failure handling is never reached here: its database is a data source without a URL.
        SimpleDriverDataSource unused = new SimpleDriverDataSource();
        JobsProperties defaults = new JobsProperties(4, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(30),
                Duration.ofSeconds(1), Duration.ofMinutes(5));
        JobFailures failures = new JobFailures(defaults, new DeadLetterRepository(JdbcClient.create(unused)), JdbcClient.create(unused),
                new DataSourceTransactionManager(unused), Clock.systemUTC());
        return new JobTasks(beans.getBeanProvider(JobHandler.class), failures, new JobMetrics(new SimpleMeterRegistry()));
    }

    private static JobHandler handler(String kind, int attempts) {
        return new JobHandler() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public void run(JobContext job) {
            }

            @Override
            public int maxAttempts() {
                return attempts;
            }
        };
    }
}
