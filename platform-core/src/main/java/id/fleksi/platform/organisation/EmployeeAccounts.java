package id.fleksi.platform.organisation;

import id.fleksi.platform.tenancy.TenantCode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * The realm users behind employees. Implemented where Keycloak is talked to (tenant-provisioning); the
 * organisation base only says what it needs.
 *
 * <p>An employee is only ever linked to a realm user made for an employee: a username already taken in the realm
 * (a tenant admin's, say) is refused, never looked up and taken over.
 */
public interface EmployeeAccounts {

    /** Creates the realm user, with a one-time password; returns its id. A username already taken is a 409 problem. */
    String create(TenantCode tenant, String username, String name, String oneTimePassword, Set<String> realmRoles);

    void update(TenantCode tenant, String realmUserId, String name, boolean enabled);

    void delete(TenantCode tenant, String realmUserId);

    /** The realm roles the user holds, composite roles expanded. */
    Set<String> realmRoles(TenantCode tenant, String realmUserId);

    /** The e-mail address of the account, if it has one (warnings go there). */
    default java.util.Optional<String> email(TenantCode tenant, String realmUserId) {
        return java.util.Optional.empty();
    }

    /**
     * Sets the account's e-mail address (early warnings and password resets go there), or removes it with {@code null}.
     * An address another account of the realm already has is a 409 problem.
     */
    void setEmail(TenantCode tenant, String realmUserId, String email);

    /** An account to create in a batch: no password yet, asked to choose one at first login. */
    record NewAccount(String username, String name, Set<String> realmRoles) {}

    /**
     * What a batch gives: the ids by username of the users to link, which of those were already there ({@code reused}:
     * unused employee accounts, see {@link #createAll}), and the usernames refused because the realm has a user of that
     * name that is not one.
     */
    record Batch(Map<String, String> ids, Set<String> reused, Set<String> taken) {

        /** The ids of the users this batch made, which are the only ones to remove if the import is undone. */
        public List<String> made() {
            return ids.entrySet().stream()
                    .filter(e -> !reused.contains(e.getKey()))
                    .map(Map.Entry::getValue)
                    .toList();
        }
    }

    /**
     * Creates many realm users at once (Keycloak's partial import, in chunks), without passwords. A user of the same
     * name already there is linked only when it is an employee account nobody ever used (no credential, no role but
     * ASN: one left behind by an import that was interrupted); any other is reported as taken and left untouched.
     */
    Batch createAll(TenantCode tenant, List<NewAccount> accounts, IntConsumer progress);

    /** Sets a one-time password (the user must choose their own at next login). */
    void setOneTimePassword(TenantCode tenant, String realmUserId, String password);
}
