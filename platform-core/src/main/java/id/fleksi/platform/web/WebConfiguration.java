package id.fleksi.platform.web;

import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.IdentityProperties;
import id.fleksi.platform.tenancy.Tenant;
import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class WebConfiguration implements WebMvcConfigurer {

    static {
        // A handler's Tenant and Caller come from the request (TenantArguments), never from the client: the API
        // document
        // does not list them, so a handler declares them without annotations of its own.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Tenant.class, Caller.class);
    }

    private final TenantGate gate;
    private final IdentityProperties identity;
    private final RateLimitProperties limits;

    WebConfiguration(TenantGate gate, IdentityProperties identity, RateLimitProperties limits) {
        this.limits = limits;
        this.gate = gate;
        this.identity = identity;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        if (limits.enabled()) {
            // First: a request over its limit costs no database read.
            registry.addInterceptor(new RateLimits(limits, identity))
                    .addPathPatterns("/api/**", "/t/{code}/**", "/platform/**")
                    .order(-1);
        }
        // The tenant's home page admits the caller itself: someone logged in elsewhere is sent to this tenant's login.
        registry.addInterceptor(new TenantInterceptor(gate, identity))
                .addPathPatterns("/api/v1/t/{code}/**", "/t/{code}/**")
                .excludePathPatterns("/t/{code}", "/t/{code}/")
                .order(0);
        // Then (order 1) a switched-off module's answer: modules.ModulesWebConfiguration.
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new TenantArguments(identity));
    }
}
