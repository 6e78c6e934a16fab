package id.fleksi.platform.modules;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** A switched-off module's API and pages answer 404: checked right after the tenant interceptor (order 0) admits the caller. */
@Configuration(proxyBeanMethods = false)
class ModulesWebConfiguration implements WebMvcConfigurer {

    private final ModuleCatalog modules;
    private final ModuleSwitches switches;

    ModulesWebConfiguration(ModuleCatalog modules, ModuleSwitches switches) {
        this.modules = modules;
        this.switches = switches;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ModuleOffInterceptor(modules, switches))
                .addPathPatterns("/api/v1/t/{code}/**", "/t/{code}/**")
                .order(1);
    }
}
