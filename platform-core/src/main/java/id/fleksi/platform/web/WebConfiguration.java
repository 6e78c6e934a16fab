package id.fleksi.platform.web;

import id.fleksi.platform.security.IdentityProperties;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final TenantGate gate;
    private final IdentityProperties identity;

    WebConfiguration(TenantGate gate, IdentityProperties identity) {
        this.gate = gate;
        this.identity = identity;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new TenantApiInterceptor(gate, identity)).addPathPatterns("/api/v1/t/{code}/**");
    }
}
