package go.id.mamujutengahkab.bukutamu;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantSql;
import id.fleksi.platform.web.PageController;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The guest book's page: today's visits, newest first, and the form the front desk fills. The tenant is set before a
 * handler runs (the statements name no schema), and a switched-off module's page is gone for that tenant.
 */
@PageController
class BukuTamuPage {

    private final JdbcClient jdbc;

    BukuTamuPage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/t/{code}/bukutamu/")
    String visits(Tenant tenant, Caller caller, Model model) {
        List<Map<String, Object>> visits = jdbc.sql(TenantSql.of("select institution, purpose, arrived_at from {bukutamu_visit}"
                        + " where arrived_at >= now() - interval '1 day' order by arrived_at desc limit 200"))
                .query().listOfRows();
        model.addAttribute("tenant", tenant);
        model.addAttribute("visits", visits);
        return "bukutamu/index";
    }

    @PostMapping("/t/{code}/bukutamu/")
    String record(Tenant tenant, Caller caller, @RequestParam("institution") String institution,
            @RequestParam("purpose") String purpose) {
        jdbc.sql(TenantSql.of("insert into {bukutamu_visit} (id, institution, purpose, arrived_at, recorded_by)"
                        + " values (?, ?, ?, ?, ?)"))
                .params(UUID.randomUUID(), institution.strip(), purpose.strip(), java.sql.Timestamp.from(Instant.now()),
                        caller.username())
                .update();
        return "redirect:/t/" + tenant.code() + "/bukutamu/";
    }
}
