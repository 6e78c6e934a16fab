package id.fleksi.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every text with values ({@code {0}}, {@code {1}}...) of every message bundle, in every language, reads as written once
 * the values are in: MessageFormat takes a lone apostrophe for a quote, and everything after it, values included, would
 * be shown as typed ("The kabupaten servers daily feed, {0}: {1} of {2}..."). An apostrophe in such a text is written
 * twice.
 */
class PageMessagesTest {

    private static final Pattern VALUE = Pattern.compile("\\{(\\d)}");

    @Test
    void everyTextWithValuesShowsTheValuesAndItsApostrophes() throws IOException {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yaml"));
        String[] basenames =
                yaml.getObject().getProperty("spring.messages.basename").split(",");
        Object[] values = {"A", "B", "C", "D", "E", "F", "G", "H", "I", "J"};

        List<String> faults = new ArrayList<>();
        int checked = 0;
        for (String basename : basenames) {
            String file = basename.substring(basename.lastIndexOf('/') + 1);
            for (Resource bundle :
                    new PathMatchingResourcePatternResolver().getResources("classpath*:" + basename + "*.properties")) {
                if (!bundle.getFilename().matches(Pattern.quote(file) + "(_[a-z]{2})?\\.properties")) {
                    continue; // i18n/attendance-problems beside i18n/attendance
                }
                Properties texts = new Properties();
                try (InputStream in = bundle.getInputStream()) {
                    texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
                for (Map.Entry<Object, Object> text : texts.entrySet()) {
                    String value = (String) text.getValue();
                    if (!VALUE.matcher(value).find()) {
                        continue; // shown as written: Spring formats only a text given values
                    }
                    checked++;
                    String shown = new MessageFormat(value).format(values);
                    if (!shown.equals(asWritten(value, values))) {
                        faults.add(bundle.getFilename() + " " + text.getKey() + " is shown as: " + shown);
                    }
                }
            }
        }
        assertThat(checked).as("texts with values found").isGreaterThan(50);
        assertThat(faults).isEmpty();
    }

    /** The text with its values in and each doubled apostrophe made one, as its writer meant it to read. */
    private static String asWritten(String text, Object[] values) {
        Matcher value = VALUE.matcher(text.replace("''", "'"));
        StringBuilder written = new StringBuilder();
        while (value.find()) {
            value.appendReplacement(
                    written, Matcher.quoteReplacement(values[Integer.parseInt(value.group(1))].toString()));
        }
        return value.appendTail(written).toString();
    }
}
