package id.fleksi.platform.testing;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Message bundles read as the application reads them (UTF-8, no fallback to the machine's language). */
public final class TestMessages {

    public static final Locale INDONESIAN = Locale.forLanguageTag("id");

    private TestMessages() {}

    public static MessageSource of(String... basenames) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames(basenames);
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
