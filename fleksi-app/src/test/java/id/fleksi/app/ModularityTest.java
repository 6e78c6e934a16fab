package id.fleksi.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import org.junit.jupiter.api.Test;

/**
 * The boundaries of Fleksi's modules, checked on the compiled production classes: a wrong dependency fails
 * the build. (Spring Modulith's defaults treat every sub-package of a module as internal, which does not
 * fit platform-core's public packages; these rules say what we mean.)
 */
class ModularityTest {

    static final JavaClasses FLEKSI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("id.fleksi");

    @Test
    void platformCoreDependsOnNothingBuiltOnIt() {
        noClasses().that().resideInAPackage("id.fleksi.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("id.fleksi.provisioning..", "id.fleksi.app..",
                        "id.fleksi.modules..", "id.fleksi.devstack..")
                .check(FLEKSI);
    }

    /** Each package of platform-core can be understood, and changed, without the ones that use it. */
    @Test
    void platformCorePackagesDoNotDependOnEachOtherInACircle() {
        slices().matching("id.fleksi.platform.(*)..").should().beFreeOfCycles().check(FLEKSI);
    }

    @Test
    void featureModulesDoNotDependOnEachOtherInACircle() {
        slices().matching("id.fleksi.modules.(*)..").should().beFreeOfCycles().check(FLEKSI);
    }

    @Test
    void tenantProvisioningPackagesDoNotDependOnEachOtherInACircle() {
        slices().matching("id.fleksi.provisioning.(*)..").should().beFreeOfCycles().check(FLEKSI);
    }

    @Test
    void tenantProvisioningDoesNotDependOnTheApplicationOrFeatureModules() {
        noClasses().that().resideInAPackage("id.fleksi.provisioning..")
                .should().dependOnClassesThat().resideInAnyPackage("id.fleksi.app..", "id.fleksi.modules..")
                .check(FLEKSI);
    }

    @Test
    void onlyRealmProvisioningTalksToKeycloaksAdminApi() {
        noClasses().that().resideOutsideOfPackage("id.fleksi.provisioning.realm..")
                .should().dependOnClassesThat().resideInAnyPackage("org.keycloak.admin..", "org.keycloak.representations..")
                .check(FLEKSI);
    }

    @Test
    void internalPackagesAreUsedOnlyInsideTheirOwner() {
        classes().should(keepOutOfAnotherOwnersInternals()).check(FLEKSI);
    }

    @Test
    void featureModulesUseOnlyEachOthersPublicFaces() {
        classes().that().resideInAPackage("id.fleksi.modules..")
                .should(keepOutOfAnotherOwnersInternals())
                .check(FLEKSI);
    }

    /**
     * {@code a.b.internal.X} belongs to {@code a.b}; only classes under {@code a.b} may use it. (Written as a condition
     * every class must meet: under {@code noClasses()} a condition that reports violations is turned inside out, and an
     * earlier form of this rule never failed.)
     */
    static ArchCondition<JavaClass> keepOutOfAnotherOwnersInternals() {
        return new ArchCondition<>("keep out of another package's internal classes") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                origin.getDirectDependenciesFromSelf().forEach(dependency -> {
                    String target = dependency.getTargetClass().getPackageName();
                    int internal = target.indexOf(".internal");
                    if (internal > 0 && target.startsWith("id.fleksi")) {
                        String owner = target.substring(0, internal);
                        if (!origin.getPackageName().startsWith(owner)) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                        }
                    }
                });
            }
        };
    }
}
