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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The translated problem texts (the {@code i18n/*-problems_id} bundles of every module): each is read by the
 * application, formats, and has a title for its type. A bundle left out of {@code spring.messages.basename} would
 * silently answer English.
 */
class ProblemMessagesTest {

    @Test
    void everyProblemBundleIsReadAndEachTextFormatsWithATitleForItsType() throws IOException {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yaml"));
        List<String> basenames =
                List.of(yaml.getObject().getProperty("spring.messages.basename").split(","));

        Resource[] bundles =
                new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*-problems_id.properties");
        assertThat(bundles)
                .extracting(Resource::getFilename)
                .contains(
                        "attendance-problems_id.properties",
                        "activity-reports-problems_id.properties",
                        "fwa-problems_id.properties",
                        "platform-problems_id.properties");
        List<String> faults = new ArrayList<>();
        for (Resource bundle : bundles) {
            String name = bundle.getFilename();
            if (!basenames.contains("i18n/" + name.substring(0, name.length() - "_id.properties".length()))) {
                faults.add(name + ": not in spring.messages.basename");
            }
            Properties texts = new Properties();
            try (InputStream in = bundle.getInputStream()) {
                texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (Map.Entry<Object, Object> text : texts.entrySet()) {
                String key = (String) text.getKey();
                String value = (String) text.getValue();
                if (value.contains("'")) {
                    faults.add(key + ": an apostrophe, which MessageFormat reads as a quote");
                }
                String formatted =
                        new MessageFormat(value).format(new Object[] {"A", "B", "C", "D", "E", "F", "G", "H"});
                if (formatted.contains("{") || formatted.isBlank()) {
                    faults.add(key + ": does not format: " + formatted);
                }
                String type = key.split("\\.")[1];
                if (key.endsWith(".detail") && !texts.containsKey("problem." + type + ".title")) {
                    faults.add(key + ": no problem." + type + ".title beside it");
                }
            }
        }
        assertThat(faults).isEmpty();
    }
}
