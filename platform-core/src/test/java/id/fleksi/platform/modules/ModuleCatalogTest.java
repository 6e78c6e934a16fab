package id.fleksi.platform.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModuleCatalogTest {

    record Module(String id, Set<String> dependsOn, String tenantChangelog) implements FeatureModule {
        @Override
        public LocalizedText name() {
            return LocalizedText.of(id, id);
        }

        @Override
        public LocalizedText description() {
            return name();
        }

        @Override
        public String version() {
            return "1";
        }
    }

    @Test
    void ordersModulesAfterWhatTheyDependOn() {
        ModuleCatalog catalog = new ModuleCatalog(List.of(
                new Module("tpp", Set.of("attendance", "reports"), "c/tpp"),
                new Module("reports", Set.of("attendance"), "c/reports"),
                new Module("attendance", Set.of(), "c/attendance"),
                new Module("apel", Set.of(), null)));

        assertThat(catalog.modules())
                .extracting(FeatureModule::id)
                .containsExactly("apel", "attendance", "reports", "tpp");
        assertThat(catalog.tenantChangelogs()).containsExactly("c/attendance", "c/reports", "c/tpp");
        assertThat(catalog.dependents("attendance")).containsExactly("reports", "tpp");
    }

    @Test
    void refusesCyclesUnknownDependenciesDuplicatesAndReservedIds() {
        assertThatThrownBy(() -> new ModuleCatalog(
                        List.of(new Module("a", Set.of("b"), null), new Module("b", Set.of("a"), null))))
                .hasMessageContaining("cycle");
        assertThatThrownBy(() -> new ModuleCatalog(List.of(new Module("a", Set.of("ghost"), null))))
                .hasMessageContaining("depends on 'ghost'");
        assertThatThrownBy(() ->
                        new ModuleCatalog(List.of(new Module("a", Set.of(), null), new Module("a", Set.of(), null))))
                .hasMessageContaining("Two feature modules");
        assertThatThrownBy(() -> new ModuleCatalog(List.of(new Module("me", Set.of(), null))))
                .hasMessageContaining("reserved");
        assertThatThrownBy(() -> new ModuleCatalog(List.of(new Module("Bad_Id", Set.of(), null))))
                .hasMessageContaining("lower-case");
    }

    @Test
    void settingsSayWhatIsWrongWithAValue() {
        ModuleSetting window =
                ModuleSetting.integer("offlineWindowHours", 12, 1, 48, LocalizedText.of("Jendela", "Window"));
        assertThat(window.problemWith(12)).isNull();
        assertThat(window.problemWith("24")).isNull();
        assertThat(window.problemWith(0)).isEqualTo("must be between 1 and 48");
        assertThat(window.problemWith("twelve")).isEqualTo("must be a whole number");
        assertThat(window.problemWith(1.5)).isEqualTo("must be a whole number");
        assertThat(ModuleSetting.bool("x", true, null).problemWith("yes")).isEqualTo("must be true or false");
        assertThat(ModuleSetting.text("x", "a", "[a-z]+", null).problemWith("A1"))
                .startsWith("must match");
    }
}
