package id.fleksi.modules.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Early warning's pages: every employee counted once, in a page whose statements keep exactly that page's rows. */
class WarningPagesTest {

    private static List<WarningPages.Employee> employees(int count) {
        LocalDate from = LocalDate.parse("2026-01-01");
        return IntStream.range(0, count)
                .mapToObj(
                        n -> new WarningPages.Employee(UUID.randomUUID(), UUID.randomUUID(), from, n * 7919 % 100_003))
                .toList();
    }

    @Test
    void aTenantOfAPageOrLessIsOnePageThatNarrowsNothing() {
        List<WarningPages.Employee> everyone = employees(WarningPages.PAGE);

        List<WarningPages.Page> pages = WarningPages.of(everyone);

        assertThat(pages).hasSize(1);
        assertThat(pages.get(0).employees()).isEqualTo(everyone);
        assertThat(pages.get(0).narrow().apply("employee_id")).isEmpty();
    }

    @Test
    void aBigTenantIsSplitByTheHashOfTheIdAndEachEmployeeIsInExactlyOnePage() {
        List<WarningPages.Employee> everyone = employees(2 * WarningPages.PAGE + 1);

        List<WarningPages.Page> pages = WarningPages.of(everyone);

        assertThat(pages).hasSize(3);
        List<WarningPages.Employee> counted = new ArrayList<>();
        for (int p = 0; p < pages.size(); p++) {
            int at = p;
            WarningPages.Page page = pages.get(p);
            assertThat(page.employees()).allMatch(e -> e.hash() % 3 == at);
            assertThat(page.narrow().apply("r.employee_id"))
                    .isEqualTo(" and (hashtext(r.employee_id::text) & 2147483647) % 3 = " + p);
            counted.addAll(page.employees());
        }
        assertThat(counted).containsExactlyInAnyOrderElementsOf(everyone);
    }

    @Test
    void oneEmployeesPageNarrowsToTheirId() {
        List<WarningPages.Employee> one = employees(1);
        UUID id = one.get(0).id();

        assertThat(WarningPages.one(one, id).narrow().apply("employee_id"))
                .isEqualTo(" and employee_id = '" + id + "'");
    }
}
