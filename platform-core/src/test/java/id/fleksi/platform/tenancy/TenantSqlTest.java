package id.fleksi.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TenantSqlTest {

    private final TenantCode mateng = TenantCode.of("mateng");

    @Test
    void qualifiesEveryTablePlaceholderWithTheTenantsSchema() {
        assertThat(TenantSql.in(mateng, "select e.name from {employee} e join {org_unit} u on u.id = e.unit_id"))
                .isEqualTo(
                        "select e.name from tenant_mateng.employee e join tenant_mateng.org_unit u on u.id = e.unit_id");
    }

    @Test
    void leavesBracesInsideQuotedLiteralsAlone() {
        assertThat(TenantSql.in(mateng, "update {attendance_check_in} set flags = '{far}'::text[] where note <> '}{'"))
                .isEqualTo("update tenant_mateng.attendance_check_in set flags = '{far}'::text[] where note <> '}{'");
    }

    @Test
    void refusesAPlaceholderThatIsNotATableName() {
        assertThatThrownBy(() -> TenantSql.in(mateng, "select * from {Employee; drop table x}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Not a table placeholder");
        assertThatThrownBy(() -> TenantSql.in(mateng, "select * from {employee"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsTheTenantOfTheCurrentUnitOfWork() {
        assertThat(TenantContext.callAs(TenantCode.of("sulbar"), () -> TenantSql.of("select 1 from {office}")))
                .isEqualTo("select 1 from tenant_sulbar.office");
        assertThatThrownBy(() -> TenantSql.of("select 1 from {office}"))
                .isInstanceOf(TenantContext.NoTenantException.class);
    }
}
