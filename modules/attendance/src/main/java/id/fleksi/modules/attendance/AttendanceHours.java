package id.fleksi.modules.attendance;

import id.fleksi.platform.calendar.TimeWindow;
import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.tenancy.TenantCode;
import org.springframework.stereotype.Component;

/**
 * When a tenant takes check-ins, as its admin set it: the public face for modules that judge a day from outside
 * attendance (monitoring counts someone absent once the check-in window has closed).
 */
@Component
public class AttendanceHours {

    private final ModuleSwitches switches;

    AttendanceHours(ModuleSwitches switches) {
        this.switches = switches;
    }

    public TimeWindow checkInWindow(TenantCode tenant) {
        return switches.settings(tenant, AttendanceModule.ID, AttendanceSettings.class)
                .checkInWindow();
    }
}
