package id.fleksi.platform.mail;

import java.util.Optional;

import id.fleksi.platform.tenancy.TenantCode;

/** Which mail server a tenant set, if any. Implemented by the module that keeps the setting. */
public interface TenantMailServers {

    Optional<MailServer> of(TenantCode tenant);
}
