package id.fleksi.platform.web;

import java.util.Map;

import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.IdentityProperties;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantContext;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Sets the tenant of a request under {@code /api/v1/t/{code}/} once the {@link TenantGate} admits the caller,
 * and clears it when the request is done, so a pooled thread never carries a tenant into the next one.
 */
class TenantApiInterceptor implements HandlerInterceptor {

    private static final String SCOPE = TenantApiInterceptor.class.getName() + ".scope";

    private final TenantGate gate;
    private final IdentityProperties identity;

    TenantApiInterceptor(TenantGate gate, IdentityProperties identity) {
        this.gate = gate;
        this.identity = identity;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String code = variables == null ? null : variables.get("code");
        if (code == null) {
            return true;
        }
        Tenant tenant = gate.admit(code, Caller.of(SecurityContextHolder.getContext().getAuthentication(), identity));
        request.setAttribute(SCOPE, TenantContext.enter(tenant.code()));
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (request.getAttribute(SCOPE) instanceof TenantContext.Scope scope) {
            request.removeAttribute(SCOPE);
            scope.close();
        }
    }
}
