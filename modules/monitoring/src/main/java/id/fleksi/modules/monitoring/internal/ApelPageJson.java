package id.fleksi.modules.monitoring.internal;

import id.fleksi.modules.monitoring.Apels;
import id.fleksi.modules.monitoring.LiveView;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.Tenant;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The apel's JSON for its pages' own script ({@code apel.js}): the same answers as {@link ApelController}, with the
 * login session instead of a token. Refusals are problem JSON, which the script shows.
 */
@RestController
class ApelPageJson {

    private final Apels apels;
    private final LiveView live;

    ApelPageJson(Apels apels, LiveView live) {
        this.apels = apels;
        this.live = live;
    }

    @GetMapping(path = "/t/{code}/monitoring/apel/{id}/ranking", produces = MediaType.APPLICATION_JSON_VALUE)
    Apels.Ranking ranking(Tenant tenant, Caller caller, @PathVariable UUID id) {
        live.sightOf(caller);
        return apels.ranking(tenant, id);
    }

    @PostMapping(
            path = "/t/{code}/monitoring/apel/{id}/confirm",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Apels.Confirmation confirm(
            Tenant tenant, Caller caller, @PathVariable UUID id, @RequestBody Apels.Position position) {
        return apels.confirm(tenant, caller.username(), id, position);
    }
}
