package id.fleksi.app.cli;

import id.fleksi.platform.organisation.EmployeeImport;
import id.fleksi.platform.organisation.Spreadsheet;
import id.fleksi.platform.organisation.UnitImport;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fleksi import units|employees --tenant CODE FILE}: BKPSDM's spreadsheets, all or nothing. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Import units or employees from CSV or XLSX.")
class ImportCommand {

    @Command(
            name = "units",
            mixinStandardHelpOptions = true,
            description = "Units: columns code, name, kind, parent_code.")
    int units(@Option(names = "--tenant", required = true) String tenant, @Parameters(paramLabel = "FILE") Path file) {
        return TenantCommand.guarded(context -> {
            Spreadsheet sheet = read(file);
            return report(TenantContext.callAs(
                    TenantRegistry.codeInPath(tenant),
                    () -> context.getBean(UnitImport.class).importUnits(sheet, actor())));
        });
    }

    @Command(
            name = "employees",
            mixinStandardHelpOptions = true,
            description = "Employees: columns nip, pppk_number, username, name, employment_type,"
                    + " position, grade, unit_code, supervisor, talent_box, face_to_face_service, own_device, good_connection,"
                    + " home_latitude, home_longitude, start_date.")
    int employees(
            @Option(names = "--tenant", required = true) String tenant, @Parameters(paramLabel = "FILE") Path file) {
        return TenantCommand.guarded(context -> {
            Spreadsheet sheet = read(file);
            return report(TenantContext.callAs(
                    TenantRegistry.codeInPath(tenant),
                    () -> context.getBean(EmployeeImport.class).importEmployees(sheet, actor(), System.out::println)));
        });
    }

    private static int report(EmployeeImport.Report report) {
        if (!report.imported()) {
            System.err.printf(
                    "Nothing imported: %d problems in %d rows%n",
                    report.problems().size(), report.rows());
            report.problems().forEach(p -> System.err.printf("  row %d, %s: %s%n", p.row(), p.column(), p.reason()));
            return 2;
        }
        System.out.printf(
                "imported %d rows: %d new, %d updated, %d unchanged%n",
                report.rows(), report.created(), report.updated(), report.unchanged());
        return 0;
    }

    private static Spreadsheet read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Spreadsheet.read(in, file.getFileName().toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String actor() {
        return "cli:" + System.getProperty("user.name");
    }
}
