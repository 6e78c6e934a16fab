package id.fleksi.platform.users;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A realm user who has used Fleksi in this tenant; lives in the tenant's schema. */
@Entity
@Table(name = "app_user")
public class AppUser {

    @Id
    private String subject;

    @Column(nullable = false)
    private String username;

    @Column(name = "first_seen_at", nullable = false)
    private Instant firstSeenAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    @Column(nullable = false)
    private long visits;

    protected AppUser() {}

    public String subject() {
        return subject;
    }

    public String username() {
        return username;
    }

    public Instant firstSeenAt() {
        return firstSeenAt;
    }

    public Instant lastSeenAt() {
        return lastSeenAt;
    }

    public long visits() {
        return visits;
    }
}
