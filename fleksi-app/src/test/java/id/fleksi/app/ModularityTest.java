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
import org.springframework.stereotype.Controller;

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
        noClasses()
                .that()
                .resideInAPackage("id.fleksi.platform..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "id.fleksi.provisioning..", "id.fleksi.app..", "id.fleksi.modules..", "id.fleksi.devstack..")
                .check(FLEKSI);
    }

    /**
     * What a production server runs never reaches the demo, the benchmarks, {@code up} or the launcher of local services:
     * they live in fleksi-dev and fleksi-devstack, which fleksi-app's jar does not carry (fleksi-app reaches fleksi-dev's
     * additions only through {@code DevelopmentMachine}, found by {@code ServiceLoader} when that jar is present).
     */
    @Test
    void theApplicationDoesNotReachTheDevelopmentMachine() {
        noClasses()
                .that()
                .resideOutsideOfPackages("id.fleksi.dev..", "id.fleksi.devstack..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("id.fleksi.dev..", "id.fleksi.devstack..")
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

    /**
     * Inside a feature module, its parts (the sub-packages: evaluation's {@code closing}, {@code exports}, ...; a module's
     * {@code internal}) do not depend on each other in a circle either. The module's own package, its public face, is in
     * no slice: it hands work to its {@code internal} package, which uses the face's records in return, and that is the
     * shape we want, not a circle to break.
     */
    @Test
    void thePartsOfEachFeatureModuleDoNotDependOnEachOtherInACircle() {
        slices().matching("id.fleksi.modules.(*).(*)..")
                .namingSlices("$1.$2")
                .should()
                .beFreeOfCycles()
                .check(FLEKSI);
    }

    /**
     * Each feature module keeps what only it uses in an {@code internal} package, so that
     * {@link #featureModulesUseOnlyEachOthersPublicFaces} has something to guard: its controllers and pages, which
     * nothing but Spring calls, are the first thing a new module would otherwise leave in its face.
     */
    @Test
    void featureModulesKeepTheirControllersInternal() {
        classes()
                .that()
                .resideInAPackage("id.fleksi.modules..")
                .and()
                .areMetaAnnotatedWith(Controller.class) // @RestController and @PageController too
                .should()
                .resideInAPackage("..internal..")
                .check(FLEKSI);
    }

    @Test
    void tenantProvisioningPackagesDoNotDependOnEachOtherInACircle() {
        slices().matching("id.fleksi.provisioning.(*)..")
                .should()
                .beFreeOfCycles()
                .check(FLEKSI);
    }

    @Test
    void tenantProvisioningDoesNotDependOnTheApplicationOrFeatureModules() {
        noClasses()
                .that()
                .resideInAPackage("id.fleksi.provisioning..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("id.fleksi.app..", "id.fleksi.modules..")
                .check(FLEKSI);
    }

    @Test
    void onlyRealmProvisioningTalksToKeycloaksAdminApi() {
        noClasses()
                .that()
                .resideOutsideOfPackage("id.fleksi.provisioning.realm..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.keycloak.admin..", "org.keycloak.representations..")
                .check(FLEKSI);
    }

    @Test
    void internalPackagesAreUsedOnlyInsideTheirOwner() {
        classes().should(keepOutOfAnotherOwnersInternals()).check(FLEKSI);
    }

    @Test
    void featureModulesUseOnlyEachOthersPublicFaces() {
        classes()
                .that()
                .resideInAPackage("id.fleksi.modules..")
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
                    int internal = (target + ".").indexOf(".internal.");
                    if (internal > 0 && target.startsWith("id.fleksi.")) {
                        String owner = target.substring(0, internal);
                        String from = origin.getPackageName();
                        if (!from.equals(owner) && !from.startsWith(owner + ".")) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                        }
                    }
                });
            }
        };
    }
}
