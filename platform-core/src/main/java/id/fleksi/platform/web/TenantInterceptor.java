package id.fleksi.platform.web;

import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.IdentityProperties;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The one way into a tenant for a request, API ({@code /api/v1/t/{code}/}) and pages ({@code /t/{code}/}) alike: the
 * {@link TenantGate} admits the caller, the tenant is set for the rest of the request (the view's rendering included),
 * and it is cleared when the request is done, so a pooled thread never carries a tenant into the next one. The admitted
 * tenant and the caller are kept for {@link TenantArguments}.
 */
class TenantInterceptor implements HandlerInterceptor {

    static final String TENANT = TenantInterceptor.class.getName() + ".tenant";
    static final String CALLER = TenantInterceptor.class.getName() + ".caller";
    private static final String SCOPE = TenantInterceptor.class.getName() + ".scope";

    private final TenantGate gate;
    private final IdentityProperties identity;

    TenantInterceptor(TenantGate gate, IdentityProperties identity) {
        this.gate = gate;
        this.identity = identity;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String code = variables == null ? null : variables.get("code");
        if (code == null) {
            return true;
        }
        Caller caller = Caller.of(SecurityContextHolder.getContext().getAuthentication(), identity);
        Tenant tenant = gate.admit(code, caller);
        request.setAttribute(TENANT, tenant);
        request.setAttribute(CALLER, caller);
        request.setAttribute(SCOPE, TenantContext.enter(tenant.code()));
        return true;
    }

    @Override
    public void afterCompletion(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (request.getAttribute(SCOPE) instanceof TenantContext.Scope scope) {
            request.removeAttribute(SCOPE);
            scope.close();
        }
    }
}
