package id.fleksi.modules.monitoring.internal;

import id.fleksi.modules.monitoring.LiveView;
import id.fleksi.modules.monitoring.ProvinceView;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.web.PageController;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live view's page: drawn by the server (it reads without JavaScript), then kept current by a stream of the same
 * view ({@code live.js}), so a screen left open on a wall moves with each check-in without being reloaded.
 */
@PageController
class MonitoringPage {

    private final LiveView live;
    private final LiveStreams streams;
    private final ProvinceView province;
    private final Warnings warnings;

    MonitoringPage(LiveView live, LiveStreams streams, ProvinceView province, Warnings warnings) {
        this.live = live;
        this.streams = streams;
        this.province = province;
        this.warnings = warnings;
    }

    @GetMapping("/t/{code}/monitoring/warnings")
    String warnings(Tenant tenant, Caller caller, @RequestParam(required = false) @Nullable String done, Model model) {
        model.addAttribute("tenant", tenant);
        model.addAttribute("warnings", warnings.visibleTo(caller));
        model.addAttribute("done", "acknowledged".equals(done));
        return "monitoring/warnings";
    }

    @PostMapping("/t/{code}/monitoring/warnings/{id}/acknowledge")
    String acknowledge(
            Tenant tenant,
            Caller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String note) {
        warnings.acknowledge(caller, id, new Warnings.Acknowledgement(note));
        return "redirect:/t/" + tenant.code().value() + "/monitoring/warnings?done=acknowledged";
    }

    @GetMapping("/t/{code}/monitoring/standing")
    String standing(Tenant tenant, Caller caller, Model model) {
        model.addAttribute("tenant", tenant);
        model.addAttribute("standing", warnings.standing(caller));
        return "monitoring/standing";
    }

    @GetMapping("/t/{code}/monitoring/province")
    String province(Tenant tenant, Caller caller, Model model) {
        ProvinceView.View view = province.of(tenant, caller);
        model.addAttribute("tenant", tenant);
        model.addAttribute("day", view.day());
        model.addAttribute("kabupaten", view.kabupaten());
        model.addAttribute("heading", "province");
        return "monitoring/province";
    }

    @GetMapping("/t/{code}/monitoring/seen-by-province")
    String seenByProvince(Tenant tenant, Caller caller, Model model) {
        ProvinceView.Kabupaten seen = province.seenByProvince(tenant, caller);
        model.addAttribute("tenant", tenant);
        model.addAttribute("day", seen.day());
        model.addAttribute("kabupaten", java.util.List.of(seen));
        model.addAttribute("heading", "seen");
        return "monitoring/province";
    }

    @GetMapping({"/t/{code}/monitoring", "/t/{code}/monitoring/"})
    String today(Tenant tenant, Caller caller, @RequestParam(required = false) @Nullable String unit, Model model) {
        model.addAttribute("tenant", tenant);
        model.addAttribute("view", live.today(tenant, caller, blankIsNull(unit)));
        return "monitoring/today";
    }

    @GetMapping(path = "/t/{code}/monitoring/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(Tenant tenant, Caller caller, @RequestParam(required = false) @Nullable String unit) {
        String shown = blankIsNull(unit);
        Sight sight = live.sightOf(caller);
        // Counted once: a unit out of sight is refused before the stream opens, and what was counted is its first
        // event.
        return streams.open(tenant, sight, shown, live.view(tenant, sight, shown));
    }

    private static @Nullable String blankIsNull(@Nullable String unit) {
        return unit == null || unit.isBlank() ? null : unit.strip();
    }
}
