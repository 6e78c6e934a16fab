package id.fleksi.platform.organisation;

import id.fleksi.platform.audit.AuditLog;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantSql;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The tile server a tenant's map pages draw from, as its admin sets it: none by default, since Fleksi sends no
 * request to a third party a pemda has not chosen. Its origin is what the page's Content-Security-Policy lets images
 * come from, for that tenant's map pages only.
 */
@Service
public class MapTiles {

    /** A tile server: {@code https://tiles.example.go.id/{z}/{x}/{y}.png}, and the credit its licence asks for. */
    public record TileServer(String urlTemplate, String attribution) {

        /** {@code scheme://host[:port]}: what images may be loaded from. */
        public String origin() {
            URI uri = URI.create(urlTemplate.replace("{", "").replace("}", ""));
            return uri.getScheme() + "://" + uri.getRawAuthority();
        }
    }

    private static final String TEMPLATE = "https?://[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?/[A-Za-z0-9._~/{}@-]*";

    private final JdbcClient jdbc;
    private final AuditLog audit;

    public MapTiles(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public Optional<TileServer> server() {
        return jdbc.sql(TenantSql.of("select url_template, attribution from {map_tiles} where id = 1"))
                .query((rs, n) -> new TileServer(rs.getString(1), rs.getString(2)))
                .optional();
    }

    /** Sets the tile server, or with an empty template removes it (the map then shows no tiles). */
    public void set(String urlTemplate, String attribution, String actor) {
        String template = urlTemplate == null ? "" : urlTemplate.strip();
        String credit = attribution == null || attribution.isBlank() ? null : attribution.strip();
        Optional<TileServer> before = server();
        if (template.isEmpty()) {
            jdbc.sql(TenantSql.of("delete from {map_tiles}")).update();
        } else {
            if (template.length() > 300
                    || !template.matches(TEMPLATE)
                    || !template.contains("{z}")
                    || !template.contains("{x}")
                    || !template.contains("{y}")
                    || credit != null && credit.length() > 200) {
                throw Problem.badRequest(
                        "invalid-tile-server",
                        "Invalid tile server",
                        "urlTemplate: an http(s) address with {z}, {x}"
                                + " and {y}, e.g. https://tiles.example.go.id/{z}/{x}/{y}.png; nothing was changed");
            }
            jdbc.sql(TenantSql.of(
                            "insert into {map_tiles} (id, url_template, attribution) values (1, ?, ?) on conflict (id) do update"
                                    + " set url_template = excluded.url_template, attribution = excluded.attribution"))
                    .param(template)
                    .param(credit)
                    .update();
        }
        audit.record(
                TenantContext.require(),
                actor,
                "map.tiles",
                "tiles",
                before.map(TileServer::urlTemplate).orElse(null),
                template.isEmpty() ? null : Map.of("urlTemplate", template));
    }
}
