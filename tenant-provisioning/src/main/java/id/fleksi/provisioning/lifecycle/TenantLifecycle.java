package id.fleksi.provisioning.lifecycle;

import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.tenancy.TenantStatus;
import id.fleksi.provisioning.realm.RealmProvisioner;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Suspend, resume and archive. None of them touches a tenant's data. Suspension refuses the tenant's users
 * with a problem saying so, on every replica at once (the registry is read per request). Archiving also
 * disables the realm, so no one can log in or get a token; a tenant handed over to its own server is archived once
 * the kabupaten has confirmed it runs there.
 */
@Service
public class TenantLifecycle {

    private final TenantRegistry registry;
    private final RealmProvisioner realms;

    public TenantLifecycle(TenantRegistry registry, RealmProvisioner realms) {
        this.registry = registry;
        this.realms = realms;
    }

    public Tenant suspend(TenantCode code) {
        return move(code, Set.of(TenantStatus.ACTIVE), TenantStatus.SUSPENDED, "suspend");
    }

    public Tenant resume(TenantCode code) {
        return move(code, Set.of(TenantStatus.SUSPENDED), TenantStatus.ACTIVE, "resume");
    }

    public Tenant archive(TenantCode code) {
        Tenant tenant = find(code);
        requireIn(tenant, Set.of(TenantStatus.ACTIVE, TenantStatus.SUSPENDED, TenantStatus.HANDED_OVER), "archive");
        realms.setRealmEnabled(tenant.realm(), false);
        registry.setStatus(code, TenantStatus.ARCHIVED);
        return find(code);
    }

    private Tenant move(TenantCode code, Set<TenantStatus> from, TenantStatus to, String verb) {
        Tenant tenant = find(code);
        if (tenant.status() == to) {
            return tenant;
        }
        requireIn(tenant, from, verb);
        registry.setStatus(code, to);
        return find(code);
    }

    private static void requireIn(Tenant tenant, Set<TenantStatus> allowed, String verb) {
        if (!allowed.contains(tenant.status())) {
            throw Problem.conflict(
                    "invalid-transition",
                    "Cannot " + verb + " this tenant",
                    "Tenant '" + tenant.code() + "' is "
                            + tenant.status().name().toLowerCase() + "; only a tenant that is "
                            + String.join(
                                    " or ",
                                    allowed.stream()
                                            .map(s -> s.name().toLowerCase())
                                            .sorted()
                                            .toList())
                            + " can be " + (verb.endsWith("e") ? verb + "d" : verb + "ed") + ".");
        }
    }

    private Tenant find(TenantCode code) {
        return registry.require(code);
    }
}
