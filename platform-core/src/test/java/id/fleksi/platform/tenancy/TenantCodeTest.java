package id.fleksi.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"mateng", "sulbar", "kab_bandung", "kota2", "ab"})
    void acceptsLowerCaseCodes(String value) {
        TenantCode code = TenantCode.of(value);
        assertThat(code.schemaName()).isEqualTo("tenant_" + value);
        assertThat(code.realmName()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../x",
                "DROP",
                "Mateng",
                "mateng; drop schema platform",
                "a",
                "1abc",
                "_x",
                "x_",
                "a__b",
                "mat-eng",
                "mat eng",
                "platform",
                "master",
                "public",
                "pg_catalog",
                "information_schema",
                "maténg"
            })
    void refusesAnythingElseWithAReason(String value) {
        assertThatThrownBy(() -> TenantCode.of(value))
                .isInstanceOf(InvalidTenantCodeException.class)
                .hasMessageContaining("Invalid tenant code");
    }

    @org.junit.jupiter.api.Test
    void refusesSixtyCharactersSayingHowLongItMayBe() {
        assertThatThrownBy(() -> TenantCode.of("a".repeat(60)))
                .hasMessageContaining("2 to 30 characters, this one has 60");
    }

    @org.junit.jupiter.api.Test
    void refusesNothingAtAll() {
        assertThatThrownBy(() -> TenantCode.of(null)).hasMessageContaining("required");
        assertThatThrownBy(() -> TenantCode.of("")).hasMessageContaining("required");
    }
}
