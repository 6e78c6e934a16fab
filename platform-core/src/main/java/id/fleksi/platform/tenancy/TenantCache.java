package id.fleksi.platform.tenancy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A tenant's slowly-changing data (units, offices, schedules, local holidays, module switches, flexible-work
 * policies) kept in memory, and trusted only while the tenant's {@link Tenant#revision} is the one it was read
 * under. Triggers in the tenant's schema move the revision on any change to those tables, whoever makes it (this
 * replica, another one, an import, a migration), and the registry row is read once per request anyway, so a check-in
 * does not read those tables at all while nothing changed, and never uses a copy older than the request's own row.
 *
 * <p>Within one request the registry row is remembered ({@link id.fleksi.platform.RequestMemo}); a service that writes
 * such a table and reads it again in the same request calls {@link #forget}. A value read inside a transaction is
 * never kept, since that transaction may have written what it read and not committed yet (a read on
 * {@link SqlTransactions#onOneConnection} is outside any transaction, and kept).
 */
@Component
public class TenantCache {

    private record Key(String tenant, String name) {}

    private record Entry(long revision, Object value) {}

    private final TenantRegistry registry;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    public TenantCache(TenantRegistry registry) {
        this.registry = registry;
    }

    /**
     * The value named {@code name} for the tenant: the kept one if the tenant's revision has not moved since it was
     * read, otherwise {@code read} again. The value must not be changed by its users.
     */
    @SuppressWarnings("unchecked")
    public <T> T get(TenantCode tenant, String name, Supplier<T> read) {
        Tenant row = registry.find(tenant).orElse(null);
        if (row == null) {
            return read.get();
        }
        Key key = new Key(tenant.value(), name);
        Entry kept = entries.get(key);
        if (kept != null && kept.revision() == row.revision()) {
            return (T) kept.value();
        }
        T value = read.get();
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            // Never keep what a writing transaction read: it may see its own uncommitted writes, under the old
            // revision.
            entries.put(key, new Entry(row.revision(), value));
        }
        return value;
    }

    /** Drops what is kept for the tenant: its writers call this, so a later read in the same request sees the change. */
    public void forget(TenantCode tenant) {
        entries.keySet().removeIf(key -> key.tenant().equals(tenant.value()));
    }
}
