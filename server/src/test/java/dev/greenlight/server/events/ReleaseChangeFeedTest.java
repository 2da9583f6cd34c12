package dev.greenlight.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.greenlight.server.testing.IntegrationTest;

/**
 * This node's feed of committed release changes from PostgreSQL: what it delivers, what it drops, and how it gets
 * back on its feet when its connection is killed.
 */
class ReleaseChangeFeedTest extends IntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    ApplicationEventMulticaster multicaster;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReleaseChangeFeed feed;

    private final BlockingQueue<Object> heard = new LinkedBlockingQueue<>();
    private final ApplicationListener<ApplicationEvent> recorder = event -> {
        if (event instanceof PayloadApplicationEvent<?> payload
                && (payload.getPayload() instanceof ReleaseChangeCommitted || payload.getPayload() instanceof ReleaseChangeFeedResumed)) {
            heard.add(payload.getPayload());
        }
    };

    @BeforeEach
    void listen() {
        multicaster.addApplicationListener(recorder);
    }

    @AfterEach
    void stopListening() {
        multicaster.removeApplicationListener(recorder);
    }

    @Test
    void aCommittedChangeIsHeardAndARolledBackOneIsNot() throws InterruptedException {
        ReleaseChanged rolledBack = change(ReleaseChanged.Kind.DECISIONS);
        ReleaseChanged committed = change(ReleaseChanged.Kind.APPROVALS);

        transactions.executeWithoutResult(transaction -> {
            publisher.publishEvent(rolledBack);
            transaction.setRollbackOnly();
        });
        transactions.executeWithoutResult(transaction -> publisher.publishEvent(committed));

        assertThat(next()).isEqualTo(new ReleaseChangeCommitted(committed));
        assertThat(heard.poll(500, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aChangeIsHeardOnlyOnceItsTransactionCommits() throws InterruptedException {
        ReleaseChanged change = change(ReleaseChanged.Kind.WAIVERS);

        transactions.executeWithoutResult(transaction -> {
            publisher.publishEvent(change);
            // Still inside the transaction: the notification waits for the commit.
            try {
                assertThat(heard.poll(500, TimeUnit.MILLISECONDS)).isNull();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        assertThat(next()).isEqualTo(new ReleaseChangeCommitted(change));
    }

    @Test
    void aNotificationThisVersionCannotReadIsDroppedAndTheFeedGoesOn() throws InterruptedException {
        ReleaseChanged change = change(ReleaseChanged.Kind.EVIDENCE);

        notify("{\"kind\":\"something-new\"}");
        notify("not json at all");
        publisher.publishEvent(change);

        assertThat(next()).isEqualTo(new ReleaseChangeCommitted(change));
    }

    @Test
    void theFeedListensOnAConnectionOfItsOwnAndComesBackWhenThatConnectionIsKilled() throws InterruptedException {
        List<Integer> before = listenerBackends();
        assertThat(before).as("one listening connection of this node, named for pg_stat_activity").hasSize(1);
        assertThat(feed.isListening()).isTrue();

        Instant killedAt = Instant.now();
        jdbc.sql("select pg_terminate_backend(:pid)").param("pid", before.getFirst()).query(Boolean.class).single();

        Object resumed = next();
        assertThat(resumed).isInstanceOf(ReleaseChangeFeedResumed.class);
        assertThat(((ReleaseChangeFeedResumed) resumed).interruptedFor()).isLessThan(Duration.between(killedAt, Instant.now()).plusMillis(1));
        List<Integer> after = listenerBackends();
        assertThat(after).hasSize(1).doesNotContain(before.getFirst());
        ReleaseChanged change = change(ReleaseChanged.Kind.APPROVALS);
        publisher.publishEvent(change);
        assertThat(next()).isEqualTo(new ReleaseChangeCommitted(change));
    }

    @Test
    void stoppingClosesTheConnectionAndStartingListensAgain() throws InterruptedException {
        feed.stop();
        try {
            assertThat(feed.isRunning()).isFalse();
            await(() -> listenerBackends().isEmpty(), "the listening connection closes");
            ReleaseChanged unheard = change(ReleaseChanged.Kind.DECISIONS);
            publisher.publishEvent(unheard);
            assertThat(heard.poll(500, TimeUnit.MILLISECONDS)).as("a stopped feed hears nothing").isNull();
        } finally {
            feed.start();
        }
        assertThat(feed.isListening()).as("listening again once start returns").isTrue();
        ReleaseChanged change = change(ReleaseChanged.Kind.EVIDENCE);
        publisher.publishEvent(change);
        assertThat(next()).isEqualTo(new ReleaseChangeCommitted(change));
    }

    private List<Integer> listenerBackends() {
        return jdbc.sql("select pid from pg_stat_activity where application_name = :name and datname = current_database()")
                .param("name", ReleaseChangeFeed.APPLICATION_NAME).query(Integer.class).list();
    }

    private void notify(String payload) {
        jdbc.sql("select pg_notify(:channel, :payload)").param("channel", ReleaseChangeBroadcast.CHANNEL).param("payload", payload)
                .query((row, number) -> Boolean.TRUE).list();
    }

    private Object next() throws InterruptedException {
        Object event = heard.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(event).as("an event within " + WAIT).isNotNull();
        return event;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as(what + " within " + WAIT).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private static ReleaseChanged change(ReleaseChanged.Kind kind) {
        return new ReleaseChanged(UUID.randomUUID(), "project-" + UUID.randomUUID().toString().substring(0, 8), "1.0.0",
                kind == ReleaseChanged.Kind.EVIDENCE ? null : "prod", kind);
    }
}
