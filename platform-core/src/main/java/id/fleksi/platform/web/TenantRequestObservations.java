package id.fleksi.platform.web;

import id.fleksi.platform.tenancy.TenantRegistry;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Spring's HTTP server metrics ({@code http.server.requests}: method, status, outcome, and {@code uri}, the handler's
 * address template such as {@code /api/v1/t/{code}/attendance/check-ins}, never the raw path) with one more tag,
 * {@value #TENANT}: the tenant's code when the request named a tenant this instance has registered, {@value #UNKNOWN}
 * when it named one it could not vouch for (no such tenant, or refused before the registry was read: not logged in,
 * over a limit), {@value #NONE} when it named none. So the tag takes at most (registered tenants + 2) values, whatever
 * addresses are sent: a made-up code never becomes a new time series.
 *
 * <p>No extra read: the registry row read for the request ({@link TenantRegistry#find}, remembered for the request)
 * is looked at where it was left.
 */
@Component
class TenantRequestObservations extends DefaultServerRequestObservationConvention {

    static final String TENANT = "tenant";
    static final String UNKNOWN = "unknown";
    static final String NONE = "none";

    @Override
    public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
        return super.getLowCardinalityKeyValues(context).and(KeyValue.of(TENANT, tenantOf(context.getCarrier())));
    }

    static String tenantOf(HttpServletRequest request) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String code = variables == null ? null : variables.get("code");
        if (code == null) {
            return isTenantPath(request.getRequestURI()) ? UNKNOWN : NONE;
        }
        Object row = request.getAttribute(TenantRegistry.rememberedRowAttribute(code));
        return row instanceof Optional<?> found && found.isPresent() ? code : UNKNOWN;
    }

    /** A tenant's address that never reached a handler (refused by the security filters first). */
    private static boolean isTenantPath(String path) {
        return path != null && (path.startsWith("/t/") || path.startsWith("/api/v1/t/"));
    }
}
