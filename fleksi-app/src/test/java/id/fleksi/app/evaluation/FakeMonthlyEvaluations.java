package id.fleksi.app.evaluation;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import id.fleksi.modules.evaluation.EmployeeMonth;
import id.fleksi.modules.evaluation.MonthlyEvaluations;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.TenantCode;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A stand-in for the monthly evaluation, for the exports' tests until the real one is merged: {@value #EMPLOYEES} made-up
 * employees with varied figures (late, early leave, every kind of absence, an unexcused day, apel, reports, a rating not
 * given yet, a rule change in mid-month), whichever unit is asked for. It remembers the unit it was last asked for.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FakeMonthlyEvaluations {

    public static final int EMPLOYEES = 45;

    /** The unit of the last {@code each}, so a test sees that the export asked for the OPD it named. */
    public static volatile @Nullable UUID lastUnit;

    @Bean
    @Primary
    MonthlyEvaluations fakeMonthlyEvaluations() {
        return new MonthlyEvaluations() {
            @Override
            public EmployeeMonth employee(TenantCode tenant, UUID employeeId, YearMonth month) {
                return months(month, null).stream().filter(m -> m.employeeId().equals(employeeId)).findFirst()
                        .orElseThrow(() -> Problem.notFound("no-employee", "No such employee", "No employee " + employeeId));
            }

            @Override
            public void each(TenantCode tenant, YearMonth month, @Nullable UUID unit, Consumer<EmployeeMonth> employee) {
                lastUnit = unit;
                months(month, unit).forEach(employee);
            }
        };
    }

    /** The employees' months, the same on every call. */
    public static List<EmployeeMonth> months(YearMonth month, @Nullable UUID unit) {
        List<EmployeeMonth> all = new ArrayList<>();
        UUID opd = unit != null ? unit : new UUID(0, 1);
        for (int i = 1; i <= EMPLOYEES; i++) {
            String name = switch (i) {
                case 1 -> "Siti Aparatur";
                case 2 -> "Andi Pegawai";
                case 3 -> "Muhammad Ridwan Syahputra Wijayakusuma Daeng Matutu";
                default -> "Pegawai Nomor " + i;
            };
            Map<String, Integer> absences = new LinkedHashMap<>();
            if (i % 5 == 0) {
                absences.put("SAKIT", 2);
            }
            if (i % 7 == 0) {
                absences.put("CUTI", 3);
            }
            if (i % 6 == 0) {
                absences.put("IZIN", 1);
            }
            if (i == 10) {
                absences.put("MELAHIRKAN", 4);
            }
            int late = i % 4;
            int unexcused = i % 9 == 0 ? 1 : 0;
            List<EmployeeMonth.DeductionLine> lines = new ArrayList<>();
            for (int d = 0; d < late; d++) {
                lines.add(new EmployeeMonth.DeductionLine(month.atDay(3 + d), "LATE", "TL1", 17, new BigDecimal("0.50"), 1,
                        "Terlambat 17 menit (1\u201330 menit): 0,5%"));
            }
            if (unexcused == 1) {
                lines.add(new EmployeeMonth.DeductionLine(month.atDay(20), "UNEXCUSED", "TK", 0, new BigDecimal("5.00"),
                        i == 9 ? 2 : 1, "Tidak masuk tanpa keterangan: 5%"));
            }
            BigDecimal deduction = lines.stream().map(EmployeeMonth.DeductionLine::percent).reduce(BigDecimal.ZERO, BigDecimal::add);
            all.add(new EmployeeMonth(new UUID(1, i), String.format("19800101200501%04d", 1000 + i), name, opd,
                    i % 2 == 0 ? "UPT Puskesmas Tobadak" : "Dinas Kesehatan", opd, "Dinas Kesehatan", month,
                    21, 15 - i % 3, 3, i % 2, late, late * 17, i % 3, (i % 3) * 11, absences, unexcused, 4, 4 - i % 2,
                    18, 18 - i % 4, 17 - i % 4, 30 + i,
                    List.of(new EmployeeMonth.Output(new UUID(2, i), "Laporan pelayanan", "dokumen", new BigDecimal("12"),
                            new BigDecimal(i % 4 + 1))),
                    lines, deduction, false, i == 9 ? List.of(1, 2) : List.of(1), i == 2 ? null : 1 + i % 5,
                    i == 2 ? null : "Baik"));
        }
        return all;
    }

}
