package id.fleksi.platform.web;

import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.IdentityProperties;
import id.fleksi.platform.tenancy.Tenant;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Hands a handler the {@link Tenant} that {@link TenantInterceptor} admitted, and the {@link Caller}: a handler
 * declares them as parameters instead of asking the gate itself. A {@code Tenant} parameter outside a tenant's path is
 * a programming error and fails loudly; a {@code Caller} is null for a visitor who has not logged in.
 */
class TenantArguments implements HandlerMethodArgumentResolver {

    private final IdentityProperties identity;

    TenantArguments(IdentityProperties identity) {
        this.identity = identity;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Tenant.class || parameter.getParameterType() == Caller.class;
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mavContainer,
            NativeWebRequest request,
            WebDataBinderFactory binderFactory) {
        if (parameter.getParameterType() == Tenant.class) {
            Object tenant = request.getAttribute(TenantInterceptor.TENANT, RequestAttributes.SCOPE_REQUEST);
            if (tenant == null) {
                throw new IllegalStateException(parameter.getExecutable() + " asks for a Tenant, but its path has no"
                        + " {code} under /t/ or /api/v1/t/, so no tenant was admitted");
            }
            return tenant;
        }
        Object caller = request.getAttribute(TenantInterceptor.CALLER, RequestAttributes.SCOPE_REQUEST);
        return caller != null
                ? caller
                : Caller.of(SecurityContextHolder.getContext().getAuthentication(), identity);
    }
}
