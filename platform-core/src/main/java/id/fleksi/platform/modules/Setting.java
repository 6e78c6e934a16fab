package id.fleksi.platform.modules;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One setting of a module, declared on a component of its settings record ({@link FeatureModule#settingsType()}): the
 * component's name is the key, its type the kind (a whole number, true/false, hours of a day as a
 * {@link id.fleksi.platform.calendar.TimeWindow}, or text, including a value type with a {@code static parse(String)}), and this says the rest. The admin's page, the API and the validation are made from it.
 */
@Target(ElementType.RECORD_COMPONENT)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Setting {

    /** The label in Bahasa Indonesia. */
    String id();

    /** The label in English. */
    String en();

    /** The value until a tenant admin sets one, written as the admin would type it. */
    String defaultValue();

    /** For a whole number: the smallest value allowed. */
    long min() default 0;

    /** For a whole number: the largest value allowed. */
    long max() default Long.MAX_VALUE;

    /** For text: the pattern a value must match (the whole of it); a {@code TimeWindow} needs none. */
    String pattern() default "";
}
