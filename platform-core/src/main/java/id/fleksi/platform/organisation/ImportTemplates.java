package id.fleksi.platform.organisation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The files an admin fills in for an import: the header row and one example row, as CSV or XLSX. Imported as they are
 * (units first), they succeed: the example employee works in the example unit. In XLSX every cell is text, so an
 * 18-digit NIP keeps its digits.
 */
public final class ImportTemplates {

    public enum Kind {
        UNITS,
        EMPLOYEES
    }

    public static final List<String> UNIT_COLUMNS = List.of("code", "name", "kind", "parent_code");

    private static final List<String> UNIT_EXAMPLE =
            List.of("DISKOMINFO", "Dinas Komunikasi dan Informatika", "DINAS", "");

    private static final List<String> EMPLOYEE_EXAMPLE = List.of(
            "199001152015032001",
            "",
            "",
            "Nurul Hidayah",
            "PNS",
            "Pranata Komputer Ahli Pertama",
            "III/a",
            "DISKOMINFO",
            "",
            "5",
            "tidak",
            "ya",
            "ya",
            "-1.7391",
            "119.5498",
            "2015-03-01");

    private ImportTemplates() {}

    public static List<String> header(Kind kind) {
        return kind == Kind.UNITS ? UNIT_COLUMNS : EmployeeImport.COLUMNS;
    }

    public static List<String> example(Kind kind) {
        return kind == Kind.UNITS ? UNIT_EXAMPLE : EMPLOYEE_EXAMPLE;
    }

    /** UTF-8 with a byte-order mark, so Excel opens the names with their accents intact. */
    public static byte[] csv(Kind kind) {
        StringBuilder out = new StringBuilder("\uFEFF");
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(header(kind));
            printer.printRecord(example(kind));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] xlsx(Kind kind) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Fleksi", "1.0");
            Worksheet sheet = workbook.newWorksheet(kind == Kind.UNITS ? "unit" : "pegawai");
            List<String> header = header(kind);
            List<String> example = example(kind);
            for (int c = 0; c < header.size(); c++) {
                sheet.value(0, c, header.get(c));
                sheet.style(0, c).bold().set();
                if (!example.get(c).isEmpty()) {
                    sheet.value(1, c, example.get(c));
                }
                sheet.style(1, c).format("@").set();
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
