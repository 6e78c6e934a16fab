package id.fleksi.platform.modules;

import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * A module's API lives under {@code /api/v1/t/{code}/{module-id}/} and its pages under
 * {@code /t/{code}/{module-id}/}; while the module is off for the tenant both answer 404 with a problem
 * saying so. Runs after the tenant is admitted.
 */
class ModuleOffInterceptor implements HandlerInterceptor {

    private final ModuleCatalog catalog;
    private final ModuleSwitches switches;

    ModuleOffInterceptor(ModuleCatalog catalog, ModuleSwitches switches) {
        this.catalog = catalog;
        this.switches = switches;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String prefix = path.startsWith("/api/v1/t/") ? "/api/v1/t/" : path.startsWith("/t/") ? "/t/" : null;
        if (variables == null || prefix == null) {
            return true;
        }
        String[] segments = path.substring(prefix.length()).split("/");
        if (segments.length < 2) {
            return true;
        }
        catalog.find(segments[1]).ifPresent(module -> {
            var tenant = TenantContext.current().orElseGet(() -> TenantRegistry.codeInPath(segments[0]));
            if (!switches.isEnabled(tenant, module.id())) {
                throw Problem.notFound(
                                "module-off",
                                "Module off",
                                "Module '" + module.id() + "' is switched off for tenant '" + tenant
                                        + "'. Its data is kept;" + " a tenant admin can switch it on again.")
                        .values(module.name().in(org.springframework.context.i18n.LocaleContextHolder.getLocale()));
            }
        });
        return true;
    }
}
