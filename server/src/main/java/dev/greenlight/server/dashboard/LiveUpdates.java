package dev.greenlight.server.dashboard;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.greenlight.server.events.ReleaseChangeCommitted;
import dev.greenlight.server.events.ReleaseChangeFeedResumed;
import dev.greenlight.server.events.ReleaseChanged;
import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.ProblemKind;

/**
 * The open event streams of release pages on this node, and the fan-out to them of every committed release change,
 * made on this node or any other ({@link ReleaseChangeCommitted}, which the events feature hears from PostgreSQL), to
 * the streams of the same workspace, project and release. Each stream gets a comment line every {@link #HEARTBEAT} so
 * that proxies keep it open; a session holds at most {@link #PER_SESSION} streams.
 */
@Component
class LiveUpdates implements DisposableBean {
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);
    static final int PER_SESSION = 5;
    /** The event that tells a page to refresh everything. */
    static final String RESYNC = "resync";
    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

    /** Which release a stream follows; the workspace comes from the caller's session, never from the request. */
    record Topic(UUID workspaceId, String project, String version) {
    }

    private record Stream(Topic topic, String session, SseEmitter emitter) {
    }

    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> perSession = new ConcurrentHashMap<>();
    /** One thread sends everything: events keep their order, and a slow client never holds up a committing request. */
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "live-updates");
        thread.setDaemon(true);
        return thread;
    });

    LiveUpdates() {
        sender.scheduleAtFixedRate(this::heartbeat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Opens a stream for a session, or refuses with 429 when the session already holds {@link #PER_SESSION}. */
    SseEmitter open(Topic topic, String session) {
        AtomicInteger count = perSession.computeIfAbsent(session, key -> new AtomicInteger());
        if (count.incrementAndGet() > PER_SESSION) {
            release(session, count);
            throw new GreenlightException(ProblemKind.RATE_LIMITED, "This session already has " + PER_SESSION
                    + " live-update streams open; close a tab or reload later.");
        }
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        Stream stream = new Stream(topic, session, emitter);
        streams.add(stream);
        Runnable remove = () -> {
            if (streams.remove(stream)) {
                release(session, count);
            }
        };
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(error -> remove.run());
        sender.execute(() -> send(stream, SseEmitter.event().name("ready").data("")));
        return emitter;
    }

    private void release(String session, AtomicInteger count) {
        if (count.decrementAndGet() <= 0) {
            perSession.remove(session, count);
        }
    }

    int openStreams() {
        return streams.size();
    }

    @EventListener
    void onReleaseChanged(ReleaseChangeCommitted committed) {
        ReleaseChanged event = committed.change();
        Topic topic = new Topic(event.workspaceId(), event.project(), event.version());
        String environment = event.environment() == null ? "" : event.environment();
        dispatch(() -> streams.stream().filter(stream -> stream.topic().equals(topic))
                .forEach(stream -> send(stream, SseEmitter.event().name(event.kind().wireName()).data(environment))));
    }

    /**
     * Changes may have been missed while this node was not listening: every page refreshes all its sections. The
     * event carries nothing, so sending it to every stream tells no workspace anything about another.
     */
    @EventListener
    void onFeedResumed(ReleaseChangeFeedResumed resumed) {
        dispatch(() -> streams.forEach(stream -> send(stream, SseEmitter.event().name(RESYNC).data(""))));
    }

    private void dispatch(Runnable sending) {
        try {
            sender.execute(sending);
        } catch (RejectedExecutionException closing) {
            // The application is shutting down and has already ended every stream.
            log.debug("live update dropped during shutdown");
        }
    }

    private void heartbeat() {
        streams.forEach(stream -> send(stream, SseEmitter.event().comment("heartbeat")));
    }

    private void send(Stream stream, SseEmitter.SseEventBuilder event) {
        try {
            stream.emitter().send(event);
        } catch (IOException | IllegalStateException e) {
            // The client went away: completing the emitter runs the removal registered in open().
            log.debug("live-update stream closed: {}", e.toString());
            streams.remove(stream);
            perSession.computeIfPresent(stream.session(), (key, count) -> count.decrementAndGet() <= 0 ? null : count);
            stream.emitter().completeWithError(e);
        }
    }

    /**
     * Ends every stream as soon as the application begins to close: graceful shutdown would otherwise wait for these
     * never-ending requests until its timeout. Browsers reconnect (with backoff) to whichever node is up.
     */
    @EventListener(ContextClosedEvent.class)
    void onClose() {
        destroy();
    }

    @Override
    public void destroy() {
        sender.shutdownNow();
        streams.forEach(stream -> {
            try {
                stream.emitter().complete();
            } catch (RuntimeException e) {
                log.debug("live-update stream already closed: {}", e.toString());
            }
        });
        streams.clear();
    }
}
