package id.fleksi.provisioning.feed;

import id.fleksi.provisioning.bundle.BundleSignatures;
import id.fleksi.provisioning.bundle.InstanceKeys;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The replica's side of the feed, in {@code platform.feed_outbox}: one signed document per tenant and day, waiting until
 * the province has it. A day counted again with the same figures changes nothing; with other figures it replaces the
 * document and is sent again. A failed send waits before the next try, longer each time ({@link #backoff}); the days of a
 * tenant go out oldest first, so a link down for days catches up in order.
 */
@Component
class FeedOutbox {

    /** First wait after a failed send; it doubles with each further failure, up to {@link #LONGEST_WAIT}. */
    static final Duration FIRST_WAIT = Duration.ofMinutes(1);
    /** Tried at least hourly however long the link has been down, so it catches up within the hour it returns. */
    static final Duration LONGEST_WAIT = Duration.ofHours(1);
    /** Sent days are kept this long (longer than the days counted again, see {@link FeedSchedule}), then removed. */
    static final Duration KEEP_SENT = Duration.ofDays(30);
    /** Documents of one tenant sent in one round: a link back after weeks catches up over a few minutes' rounds. */
    static final int AT_ONCE = 100;

    /** A document waiting to be sent. */
    record Waiting(
            String tenant, LocalDate day, byte[] payload, byte[] signature, int attempts, Instant nextAttemptAt) {}

    private final JdbcClient jdbc;
    private final InstanceKeys keys;
    private final FeedJson json;

    FeedOutbox(JdbcClient jdbc, InstanceKeys keys, FeedJson json) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.json = json;
    }

    /**
     * Keeps the day's figures to be sent, signed with this instance's key, unless the same figures are already there.
     *
     * @return whether the document changed (and will be sent)
     */
    boolean store(DailyFeed feed, Instant now) {
        byte[] stored = jdbc.sql("select payload from platform.feed_outbox where tenant_code = ? and day = ?")
                .param(feed.tenant())
                .param(feed.day())
                .query(byte[].class)
                .optional()
                .orElse(null);
        if (stored != null && feed.sameFiguresAs(json.read(stored))) {
            return false;
        }
        byte[] payload = json.write(feed);
        byte[] signature = BundleSignatures.sign(keys.signingKey().getPrivate(), payload);
        // A day already sent goes again, at once; one still waiting keeps its place and its count of attempts.
        jdbc.sql("""
                insert into platform.feed_outbox (tenant_code, day, payload, signature, attempts, next_attempt_at)
                values (?, ?, ?, ?, 0, ?)
                on conflict (tenant_code, day) do update set payload = excluded.payload, signature = excluded.signature,
                    attempts = case when feed_outbox.sent_at is null then feed_outbox.attempts else 0 end,
                    next_attempt_at = case when feed_outbox.sent_at is null then feed_outbox.next_attempt_at
                        else excluded.next_attempt_at end,
                    sent_at = null""")
                .param(feed.tenant())
                .param(feed.day())
                .param(payload)
                .param(signature)
                .param(Timestamp.from(now))
                .update();
        return true;
    }

    /** The tenants whose oldest waiting day is due at {@code now} (a later day never goes before it). */
    List<String> tenantsDue(Instant now) {
        return jdbc.sql("""
                select o.tenant_code from platform.feed_outbox o
                where o.sent_at is null and o.next_attempt_at <= ? and o.day = (select min(p.day) from platform.feed_outbox p
                    where p.tenant_code = o.tenant_code and p.sent_at is null)
                order by o.tenant_code""").param(Timestamp.from(now)).query(String.class).list();
    }

    /** The tenant's unsent documents, oldest first; at most {@value #AT_ONCE}, the rest go in the next minute's round. */
    List<Waiting> waiting(String tenant) {
        return jdbc.sql("""
                select tenant_code, day, payload, signature, attempts, next_attempt_at from platform.feed_outbox
                where tenant_code = ? and sent_at is null order by day limit ?""")
                .param(tenant)
                .param(AT_ONCE)
                .query((rs, row) -> new Waiting(
                        rs.getString(1),
                        rs.getObject(2, LocalDate.class),
                        rs.getBytes(3),
                        rs.getBytes(4),
                        rs.getInt(5),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }

    /**
     * Whether this process may send the tenant's documents now: no other replica of this instance is (a lock held to the
     * end of the caller's transaction). Call inside a transaction.
     */
    boolean lockTenant(String tenant) {
        return Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(hashtext('fleksi.feed'), hashtext(?))")
                .param(tenant)
                .query(Boolean.class)
                .single());
    }

    /** The province has it; unless the day was counted anew meanwhile (another signature), which still waits. */
    void sent(Waiting document, Instant now) {
        jdbc.sql("""
                update platform.feed_outbox set sent_at = ?, last_error = null
                where tenant_code = ? and day = ? and signature = ?""")
                .param(Timestamp.from(now))
                .param(document.tenant())
                .param(document.day())
                .param(document.signature())
                .update();
    }

    /** A failed send: the next try waits {@link #backoff} after the attempts so far. */
    Instant failed(Waiting document, String error, Instant now) {
        int attempts = document.attempts() + 1;
        Instant next = now.plus(backoff(attempts));
        jdbc.sql("""
                update platform.feed_outbox set attempts = ?, next_attempt_at = ?, last_error = ?
                where tenant_code = ? and day = ? and sent_at is null""")
                .param(attempts)
                .param(Timestamp.from(next))
                .param(error.length() > 500 ? error.substring(0, 500) : error)
                .param(document.tenant())
                .param(document.day())
                .update();
        return next;
    }

    /** Removes sent documents of days long past. */
    int forgetSentBefore(LocalDate day) {
        return jdbc.sql("delete from platform.feed_outbox where sent_at is not null and day < ?")
                .param(day)
                .update();
    }

    /** One minute after the first failure, then 2, 4, 8, ... up to an hour. */
    static Duration backoff(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 16);
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }
}
