package dev.greenlight.server.events;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * This node's ear on {@link ReleaseChangeBroadcast#CHANNEL}: one connection of its own (not from the pool, which
 * would take it back or hand it to a request), which LISTENs and turns each notification into a
 * {@link ReleaseChangeCommitted} for this node's listeners. If the connection drops, it reconnects with exponential
 * backoff and then announces {@link ReleaseChangeFeedResumed}, since changes committed meanwhile were not heard. It
 * connects before the application takes requests, and stops when the application stops.
 */
@Component
class ReleaseChangeFeed implements SmartLifecycle {
    /** How the connection shows up in {@code pg_stat_activity}. */
    static final String APPLICATION_NAME = "greenlight-release-changes";
    static final Duration FIRST_RETRY = Duration.ofMillis(250);
    static final Duration LONGEST_RETRY = Duration.ofSeconds(30);
    /** How long one wait for notifications lasts: also how quickly a stop is noticed. */
    private static final int POLL_MILLISECONDS = 250;
    /** A connection cut without a word (a firewall, a dead host) shows only when something is sent on it. */
    private static final Duration LIVENESS_CHECK = Duration.ofSeconds(5);
    private static final int LIVENESS_TIMEOUT_SECONDS = 5;
    private static final Logger log = LoggerFactory.getLogger(ReleaseChangeFeed.class);

    private final HikariDataSource pool;
    private final ApplicationEventPublisher publisher;
    private volatile boolean running;
    /** Which start the current thread belongs to: a thread of an earlier start that is still winding down stops. */
    private volatile int generation;
    private volatile boolean listening;
    private @Nullable Thread thread;

    ReleaseChangeFeed(HikariDataSource pool, ApplicationEventPublisher publisher) {
        this.pool = pool;
        this.publisher = publisher;
    }

    /** Listens before returning when the database answers, so that no change committed after start-up is missed. */
    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        @Nullable Connection first = null;
        try {
            first = listeningConnection();
            listening = true;
        } catch (SQLException e) {
            log.warn("cannot listen for release changes yet, retrying in the background: {}", e.getMessage());
        }
        @Nullable Connection connected = first;
        int current = ++generation;
        thread = Thread.ofPlatform().name("release-change-feed").daemon().start(() -> run(current, connected));
    }

    @Override
    public void stop() {
        Thread stopping;
        synchronized (this) {
            running = false;
            stopping = thread;
            thread = null;
        }
        if (stopping != null) {
            try {
                stopping.join(Duration.ofMillis(POLL_MILLISECONDS * 8L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Before the web server (which starts at a phase near {@link #DEFAULT_PHASE}) opens its port, and stopped only
     * after it has finished its in-flight requests, whose changes this node's pages should still hear.
     */
    @Override
    public int getPhase() {
        return 0;
    }

    /** Whether the node hears changes right now (false while it reconnects). */
    boolean isListening() {
        return listening;
    }

    private boolean active(int current) {
        return running && generation == current;
    }

    private void run(int current, @Nullable Connection first) {
        @Nullable Connection connection = first;
        int failures = 0;
        long lostAt = 0;
        try {
            while (active(current)) {
                try {
                    if (connection == null) {
                        connection = listeningConnection();
                        listening = true;
                        if (lostAt != 0) {
                            Duration gap = Duration.ofNanos(System.nanoTime() - lostAt);
                            log.info("listening for release changes again after {} ms", gap.toMillis());
                            publish(new ReleaseChangeFeedResumed(gap));
                        }
                    }
                    failures = 0;
                    lostAt = 0;
                    receive(current, connection);
                } catch (SQLException e) {
                    notListening(current);
                    close(connection);
                    connection = null;
                    if (!active(current)) {
                        break;
                    }
                    if (lostAt == 0) {
                        lostAt = System.nanoTime();
                        log.warn("lost the connection that listens for release changes; reconnecting: {}", e.getMessage());
                    }
                    Duration delay = backoff(failures++);
                    log.debug("reconnecting to listen for release changes in {} ms", delay.toMillis());
                    sleep(current, delay);
                }
            }
        } finally {
            notListening(current);
            close(connection);
        }
    }

    private void notListening(int current) {
        if (generation == current) {
            listening = false;
        }
    }

    /** Waits for notifications and hands them on until the application stops or the connection fails. */
    private void receive(int current, Connection connection) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        long lastCheck = System.nanoTime();
        while (active(current)) {
            PGNotification[] notifications = postgres.getNotifications(POLL_MILLISECONDS);
            if (notifications != null) {
                for (PGNotification notification : notifications) {
                    deliver(notification.getParameter());
                }
            }
            if (System.nanoTime() - lastCheck > LIVENESS_CHECK.toNanos()) {
                try (Statement statement = connection.createStatement()) {
                    statement.setQueryTimeout(LIVENESS_TIMEOUT_SECONDS);
                    statement.execute("select 1");
                }
                lastCheck = System.nanoTime();
            }
        }
    }

    private void deliver(String payload) {
        Optional<ReleaseChanged> change = ReleaseChangePayload.decode(payload);
        if (change.isEmpty()) {
            // Anyone who may connect to the database can NOTIFY; a payload this version cannot read is dropped.
            log.debug("ignored a release-change notification this version cannot read ({} characters)", payload.length());
            return;
        }
        publish(new ReleaseChangeCommitted(change.get()));
    }

    private void publish(Object event) {
        try {
            publisher.publishEvent(event);
        } catch (RuntimeException e) {
            // One failing listener must not cost the node its feed.
            log.warn("a listener failed on {}: {}", event.getClass().getSimpleName(), e.toString());
        }
    }

    /** A connection of its own, with the pool's address and credentials, that listens on the channel. */
    private Connection listeningConnection() throws SQLException {
        Properties properties = new Properties();
        if (pool.getUsername() != null) {
            properties.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            properties.setProperty("password", pool.getPassword());
        }
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("tcpKeepAlive", "true");
        Connection connection = DriverManager.getConnection(pool.getJdbcUrl(), properties);
        try (Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("LISTEN " + ReleaseChangeBroadcast.CHANNEL);
            return connection;
        } catch (SQLException e) {
            close(connection);
            throw e;
        }
    }

    /** Exponential from {@link #FIRST_RETRY} to {@link #LONGEST_RETRY}, with jitter so that nodes do not retry in step. */
    static Duration backoff(int failures) {
        long ceiling = Math.min(LONGEST_RETRY.toMillis(), FIRST_RETRY.toMillis() << Math.min(failures, 20));
        return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }

    private void sleep(int current, Duration delay) {
        long until = System.nanoTime() + delay.toNanos();
        // In short steps, so that a stop during a long backoff does not wait for it.
        while (active(current) && System.nanoTime() < until) {
            try {
                Thread.sleep(Math.min(POLL_MILLISECONDS, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void close(@Nullable Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("closing the release-change connection failed: {}", e.getMessage());
        }
    }
}
