package id.fleksi.platform.web;

import id.fleksi.platform.modules.ModuleCatalog;
import id.fleksi.platform.modules.ModuleOffInterceptor;
import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.security.IdentityProperties;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final TenantGate gate;
    private final IdentityProperties identity;
    private final ModuleCatalog modules;
    private final ModuleSwitches switches;

    WebConfiguration(TenantGate gate, IdentityProperties identity, ModuleCatalog modules, ModuleSwitches switches) {
        this.gate = gate;
        this.identity = identity;
        this.modules = modules;
        this.switches = switches;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new TenantApiInterceptor(gate, identity)).addPathPatterns("/api/v1/t/{code}/**").order(0);
        registry.addInterceptor(new ModuleOffInterceptor(modules, switches)).addPathPatterns("/api/v1/t/{code}/**", "/t/{code}/**")
                .order(1);
    }
}
