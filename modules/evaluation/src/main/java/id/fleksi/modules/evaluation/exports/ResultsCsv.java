package id.fleksi.modules.evaluation.exports;

import id.fleksi.modules.evaluation.EmployeeMonth;
import id.fleksi.modules.evaluation.closing.MonthAsPaid;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

/**
 * The month as CSV for payroll and e-Kinerja: RFC 4180, UTF-8 without a byte-order mark, a header row with the names of
 * {@link ExportColumn} in their order and then of {@link FiguresColumn} (whose figures the row carries: paid or current),
 * then a row per employee; decimals with a point, booleans as true/false, nothing for a value there is not (a rating not
 * given yet, the closing version of a month not closed). No totals row: a machine adds up what it needs.
 */
public final class ResultsCsv {

    public static final String MEDIA_TYPE = "text/csv";

    private ResultsCsv() {}

    static int write(OutputStream out, Consumer<Consumer<MonthAsPaid.Shown>> employees) {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        String[] header = java.util.stream.Stream.concat(
                        java.util.Arrays.stream(ExportColumn.values()).map(ExportColumn::key),
                        java.util.Arrays.stream(FiguresColumn.values()).map(FiguresColumn::key))
                .toArray(String[]::new);
        int[] count = {0};
        try {
            CSVPrinter csv = new CSVPrinter(
                    writer, CSVFormat.RFC4180.builder().setHeader(header).get());
            employees.accept(shown -> {
                EmployeeMonth month = shown.figures();
                List<String> row = new ArrayList<>(header.length);
                for (ExportColumn column : ExportColumn.values()) {
                    row.add(text(column.of(month)));
                }
                for (FiguresColumn column : FiguresColumn.values()) {
                    row.add(text(column.of(shown)));
                }
                try {
                    csv.printRecord(row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                count[0]++;
            });
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count[0];
    }

    private static String text(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }
}
