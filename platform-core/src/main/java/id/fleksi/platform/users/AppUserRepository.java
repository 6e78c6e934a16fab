package id.fleksi.platform.users;

import java.util.List;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Users of the current tenant; every query runs in the schema of {@code TenantContext}. */
public interface AppUserRepository extends Repository<AppUser, String> {

    /**
     * Records a visit; concurrent first visits of one user make one row. Spring Data runs a {@code @Modifying} query only
     * inside a transaction, and this one statement is its own unit of work: the annotation gives it one, as Spring Data's
     * own repository methods carry theirs (docs/adr/0002-data-access.md, the one place {@code @Transactional} stays).
     */
    @Transactional
    @Modifying
    @Query(value = """
            insert into app_user (subject, username, first_seen_at, last_seen_at, visits)
            values (:subject, :username, now(), now(), 1)
            on conflict (subject) do update set username = excluded.username, last_seen_at = now(),
                visits = app_user.visits + 1""", nativeQuery = true)
    void recordVisit(String subject, String username);

    AppUser findBySubject(String subject);

    List<AppUser> findAllByOrderByUsername();
}
