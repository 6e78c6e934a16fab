package id.fleksi.platform.organisation;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An employee without a realm account (one imported without users) can still be edited: the edit page sends its empty
 * e-mail field with every save, which asks for nothing; only an address asked for is refused. Nothing is read or
 * written before that answer, so no database or Keycloak is needed (and any use of one would fail here).
 */
class EmployeeWithoutAccountTest {

    private final Employees employees = new Employees(null, null, null, null, null, null, null);
    private final Employee withoutAccount = new Employee(
            new NewEmployee(
                    null,
                    null,
                    "honorer.andi",
                    "Andi",
                    EmploymentType.NON_ASN,
                    null,
                    null,
                    UUID.randomUUID(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null),
            "honorer.andi",
            null);
    private final Caller admin = new Caller("mateng", "sub", "admin", Set.of("tenant-admin"));

    @Test
    void anEmptyAddressForAnEmployeeWithoutAnAccountChangesNothingAndIsNoProblem() {
        assertThatCode(() -> TenantContext.runAs(TenantCode.of("mateng"), () -> {
                    employees.setEmail(withoutAccount, "", admin);
                    employees.setEmail(withoutAccount, null, admin);
                }))
                .doesNotThrowAnyException();
    }

    @Test
    void anAddressForAnEmployeeWithoutAnAccountIsRefusedByName() {
        assertThatThrownBy(() -> TenantContext.runAs(
                        TenantCode.of("mateng"),
                        () -> employees.setEmail(withoutAccount, "andi@mamujutengahkab.go.id", admin)))
                .isInstanceOfSatisfying(
                        Problem.class,
                        problem -> org.assertj.core.api.Assertions.assertThat(problem.getMessage())
                                .contains("Andi has no account to give an e-mail address"));
    }
}
