package id.fleksi.modules.monitoring.internal;

import id.fleksi.modules.monitoring.LiveView;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantContext;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open dashboards, kept current: every {@link #TICK} each open view is made again and sent when it changed. Every view
 * of a tenant (any unit, any sight, however many screens) is cut from one count of its day per tick, shared with the
 * page's and the API's callers (see {@code TodayPictures}): the tick counts again unless a count younger than half a
 * tick is there. The count reads the database, so every replica of Fleksi sees every check-in, whichever replica took
 * it; one taken here drops the count at once, so it is on this replica's screens at the next tick. A comment line every
 * {@link #HEARTBEAT} keeps proxies from closing a quiet stream; a stream ends after {@link #LIFETIME} and the browser
 * opens it again by itself, which also renews the login session of a screen left on all day. A view that cannot be
 * counted (its tenant suspended or gone) ends its streams; on shutdown every stream ends first, so the server's graceful
 * shutdown does not wait on them.
 */
@Component
class LiveStreams implements SmartLifecycle {

    static final Duration TICK = LiveView.INTERVAL;
    static final Duration HEARTBEAT = Duration.ofSeconds(20);
    static final Duration LIFETIME = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);

    private record Key(Tenant tenant, Sight sight, @Nullable String unit) {}

    private static final class Subscriber {
        final SseEmitter emitter;
        final Key key;
        String lastSent = "";
        long lastWrite = System.nanoTime();

        Subscriber(SseEmitter emitter, Key key) {
            this.emitter = emitter;
            this.key = key;
        }
    }

    private final Map<SseEmitter, Subscriber> open = new ConcurrentHashMap<>();
    /** The recounting thread while running; a stopped context (Spring pauses cached test contexts too) gets a new one on start. */
    private @Nullable ScheduledExecutorService ticker;

    private final LiveView live;
    private final JsonMapper json;

    LiveStreams(LiveView live, JsonMapper json) {
        this.live = live;
        this.json = json;
    }

    /** A stream of the view for this sight, its first event {@code now}: the view as the caller just had it counted. */
    SseEmitter open(Tenant tenant, Sight sight, @Nullable String unit, LiveView.View now) {
        SseEmitter emitter = new SseEmitter(LIFETIME.toMillis());
        Subscriber subscriber = new Subscriber(emitter, new Key(tenant, sight, unit));
        emitter.onCompletion(() -> open.remove(emitter));
        emitter.onTimeout(() -> open.remove(emitter));
        emitter.onError(e -> open.remove(emitter));
        open.put(emitter, subscriber);
        send(subscriber, json.writeValueAsString(now));
        return emitter;
    }

    private void tick() {
        try {
            Map<Key, String> counted = new ConcurrentHashMap<>();
            for (Subscriber s : open.values()) {
                String view = counted.computeIfAbsent(s.key, this::render);
                if (view.isEmpty()) {
                    open.remove(s.emitter);
                    s.emitter.complete();
                } else if (!view.equals(s.lastSent)) {
                    send(s, view);
                } else if (System.nanoTime() - s.lastWrite > HEARTBEAT.toNanos()) {
                    write(s, SseEmitter.event().comment("still here"));
                }
            }
        } catch (RuntimeException | LinkageError e) {
            // Anything thrown out of here would end the schedule for good, silently.
            log.warn("Monitoring's live tick failed; the next one tries again", e);
        }
    }

    private String render(Key key) {
        try {
            return TenantContext.callAs(
                    key.tenant().code(),
                    () -> json.writeValueAsString(live.view(key.tenant(), key.sight(), key.unit(), TICK.dividedBy(2))));
        } catch (RuntimeException e) {
            log.warn(
                    "Monitoring could not count the live view of {}; its streams end (the page opens them again): {}",
                    key.tenant().code(),
                    e.toString());
            return "";
        }
    }

    private void send(Subscriber s, String view) {
        if (view.isEmpty()) {
            return;
        }
        if (write(s, SseEmitter.event().name("view").data(view, MediaType.APPLICATION_JSON))) {
            s.lastSent = view;
        }
    }

    private boolean write(Subscriber s, SseEmitter.SseEventBuilder event) {
        try {
            s.emitter.send(event);
            s.lastWrite = System.nanoTime();
            return true;
        } catch (IOException | IllegalStateException e) {
            open.remove(s.emitter);
            s.emitter.completeWithError(e);
            return false;
        }
    }

    private volatile boolean running;

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "monitoring-live");
            thread.setDaemon(true);
            return thread;
        });
        started.scheduleWithFixedDelay(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        ticker = started;
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
        open.keySet().forEach(SseEmitter::complete);
        open.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server's graceful shutdown, which would otherwise wait for the open streams. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    @Override
    public String toString() {
        return "LiveStreams[" + Objects.toString(open.size()) + " open]";
    }
}
