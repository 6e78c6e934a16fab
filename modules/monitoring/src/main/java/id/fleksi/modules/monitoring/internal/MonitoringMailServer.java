package id.fleksi.modules.monitoring.internal;

import id.fleksi.modules.monitoring.MonitoringModule;
import id.fleksi.modules.monitoring.MonitoringSettings;
import id.fleksi.platform.mail.MailServer;
import id.fleksi.platform.mail.TenantMailServerChanged;
import id.fleksi.platform.mail.TenantMailServers;
import id.fleksi.platform.modules.ModuleSettings;
import id.fleksi.platform.modules.ModuleSettingsChanged;
import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The pemda's mail server is one of this module's settings (its warnings go through it); the platform sends the
 * realm's password-reset mail through the same server. Read whether the module is on or off: a reset does not depend
 * on monitoring being switched on.
 */
@Component
class MonitoringMailServer implements TenantMailServers {

    private final ModuleSwitches switches;
    private final ApplicationEventPublisher events;

    MonitoringMailServer(ModuleSwitches switches, ApplicationEventPublisher events) {
        this.switches = switches;
        this.events = events;
    }

    @Override
    public Optional<MailServer> of(TenantCode tenant) {
        return TenantContext.callAs(
                tenant, () -> server(switches.settings(tenant, MonitoringModule.ID, MonitoringSettings.class)));
    }

    @EventListener(condition = "#event.moduleId() == 'monitoring'")
    void on(ModuleSettingsChanged event) {
        Optional<MailServer> before = server(ModuleSettings.bind(MonitoringSettings.class, event.before()));
        Optional<MailServer> after = server(ModuleSettings.bind(MonitoringSettings.class, event.after()));
        if (!before.equals(after)) {
            events.publishEvent(new TenantMailServerChanged(event.tenant(), after));
        }
    }

    private static Optional<MailServer> server(MonitoringSettings settings) {
        return MailServer.of(settings.smtpHost(), settings.smtpPort(), settings.mailFrom());
    }
}
