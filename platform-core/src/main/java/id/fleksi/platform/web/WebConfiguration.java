package id.fleksi.platform.web;

import java.util.List;

import id.fleksi.platform.security.IdentityProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class WebConfiguration implements WebMvcConfigurer {

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
            registry.addInterceptor(new RateLimits(limits, identity)).addPathPatterns("/api/**", "/t/{code}/**", "/platform/**")
                    .order(-1);
        }
        // The tenant's home page admits the caller itself: someone logged in elsewhere is sent to this tenant's login.
        registry.addInterceptor(new TenantInterceptor(gate, identity)).addPathPatterns("/api/v1/t/{code}/**", "/t/{code}/**")
                .excludePathPatterns("/t/{code}", "/t/{code}/").order(0);
        // Then (order 1) a switched-off module's answer: modules.ModulesWebConfiguration.
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new TenantArguments(identity));
    }
}
