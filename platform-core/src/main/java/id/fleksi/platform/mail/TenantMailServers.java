package id.fleksi.platform.mail;

import id.fleksi.platform.tenancy.TenantCode;
import java.util.Optional;

/** Which mail server a tenant set, if any. Implemented by the module that keeps the setting. */
public interface TenantMailServers {

    Optional<MailServer> of(TenantCode tenant);
}
