package id.fleksi.platform.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test sets: the server's clock is authoritative, so it is the test's to choose. Register it as the primary bean. */
public final class TestClock extends Clock {

    private volatile Instant now;

    public TestClock(String isoInstant) {
        this.now = Instant.parse(isoInstant);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }

    /** Sets the time, e.g. {@code 2026-01-05T07:20:00+08:00}. */
    public void set(String isoOffsetDateTime) {
        now = OffsetDateTime.parse(isoOffsetDateTime).toInstant();
    }
}
