package id.fleksi.platform.mail;

import id.fleksi.platform.modules.TenantEvent;
import id.fleksi.platform.tenancy.TenantCode;
import java.util.Optional;

/**
 * A tenant's mail server was set, changed or emptied, inside the settings change's transaction: a listener that fails
 * (Keycloak unreachable) undoes the change, so the realm and the setting never disagree.
 */
public record TenantMailServerChanged(TenantCode tenant, Optional<MailServer> server) implements TenantEvent {}
