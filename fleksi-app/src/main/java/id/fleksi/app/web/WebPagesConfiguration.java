package id.fleksi.app.web;

import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Bahasa Indonesia unless the visitor picks English ({@code ?lang=en}, remembered in a cookie). */
@Configuration(proxyBeanMethods = false)
class WebPagesConfiguration implements WebMvcConfigurer {

    static final Locale INDONESIAN = Locale.forLanguageTag("id");
    /** Read also by the login redirect, which passes the language on to Keycloak. */
    static final String LANGUAGE_COOKIE = "fleksi-lang";

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(LANGUAGE_COOKIE);
        resolver.setDefaultLocale(INDONESIAN);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true); // ?lang=<x> is no language: ignored, never a 500
        registry.addInterceptor(interceptor);
    }
}
