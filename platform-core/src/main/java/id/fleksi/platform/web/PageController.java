package id.fleksi.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Controller;

/**
 * A controller of pages (not the API): any {@link Problem} its handlers meet, or the tenant gate meets before them, is
 * shown to the person as a page in their language, by one exception resolver for all such controllers (fleksi-app's
 * {@code PageProblems}). Under {@code /t/{code}/}
 * the tenant is admitted before the handler runs, and a handler takes the admitted {@link id.fleksi.platform.tenancy.Tenant}
 * and the {@link id.fleksi.platform.security.Caller} as parameters: it has no tenant code of its own. The JSON a page's
 * script talks to lives in a controller of its own, so its refusals stay problem JSON.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface PageController {

    @AliasFor(annotation = Controller.class)
    String value() default "";
}
