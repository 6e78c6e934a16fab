package id.fleksi.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The office form as an admin types it: decimal commas read, each wrong field said in their language, bounds of the API. */
class OfficeFormTest {

    private static final Locale INDONESIAN = Locale.forLanguageTag("id");

    private final ResourceBundleMessageSource messages = messages();

    @Test
    void coordinatesWithADecimalCommaAreReadAsTyped() {
        OfficeForm form = new OfficeForm(" Kantor Bupati ", "", "-1,7391", "119.5498", "150", null);
        assertThat(form.problems(messages, INDONESIAN)).isEmpty();
        assertThat(form.toOffice().latitude()).isEqualTo(-1.7391);
        assertThat(form.toOffice().longitude()).isEqualTo(119.5498);
        assertThat(form.toOffice().name()).isEqualTo("Kantor Bupati");
        assertThat(form.toOffice().address()).isNull();
    }

    @Test
    void eachWrongFieldIsSaidInIndonesianWithTheBoundsOfTheApi() {
        OfficeForm form = new OfficeForm("", null, "-91", "utara", "5001", List.of());
        assertThat(form.problems(messages, INDONESIAN))
                .containsExactly(
                        java.util.Map.entry("name", "Nama kantor wajib diisi (paling banyak 200 huruf)."),
                        java.util.Map.entry(
                                "latitude",
                                "Lintang harus berupa angka antara -11,5 dan 6,5 (wilayah Indonesia), mis. -1,7391."),
                        java.util.Map.entry(
                                "longitude",
                                "Bujur harus berupa angka antara 94,5 dan 141,5 (wilayah Indonesia), mis. 119,5498."),
                        java.util.Map.entry("radiusMetres", "Radius harus bilangan bulat 10 sampai 5000 meter."));
        assertThat(new OfficeForm("Kantor", null, "-1.7", "119.5", "9", null).problems(messages, Locale.ENGLISH))
                .containsExactly(java.util.Map.entry(
                        "radiusMetres", "The radius must be a whole number from 10 to 5000 metres."));
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
