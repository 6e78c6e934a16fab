package id.fleksi.modules.evaluation.exports;

import id.fleksi.modules.evaluation.EmployeeMonth;
import id.fleksi.modules.evaluation.closing.MonthAsPaid;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.dhatim.fastexcel.BorderSide;
import org.dhatim.fastexcel.PaperSize;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The month of an OPD as the XLSX workbook BKD pays TPP from: a row per employee with the columns of
 * {@link ExportColumn#workbook()}, then the totals. Streamed: rows go to the output as they come, a few hundred at a time,
 * so a pemda of 10,000 employees takes no more memory than an OPD of ten.
 */
@Component
public class MonthWorkbook {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The row that names the columns (0-based); employees start on the next one. */
    public static final int HEADING_ROW = 3;

    /** Rows kept before they are written out. */
    private static final int FLUSH_EVERY = 200;

    private final MessageSource messages;

    MonthWorkbook(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * What the sheet is of: the pemda, the OPD (or the whole pemda), the month; whose figures it carries (closed and in
     * which version, or the current computation), and the closing page that shows paid beside current (null: say
     * nothing of either).
     */
    public record Heading(
            String tenantName,
            String unitName,
            YearMonth month,
            @Nullable String figures,
            @Nullable String closingPage) {

        public Heading(String tenantName, String unitName, YearMonth month) {
            this(tenantName, unitName, month, null, null);
        }
    }

    /**
     * Writes the workbook to {@code out} (not closed) for the employees {@code employees} hands over one at a time, and
     * returns their totals. Under the totals it says for how many the current computation differs from what was paid.
     */
    public MonthTotals write(
            OutputStream out, Heading heading, Locale locale, Consumer<Consumer<MonthAsPaid.Shown>> employees) {
        List<ExportColumn> columns = ExportColumn.workbook();
        MonthTotals totals = new MonthTotals();
        try {
            Workbook workbook = new Workbook(out, "Fleksi", "1.0");
            Worksheet ws = workbook.newWorksheet(ExportTexts.monthLabel(heading.month(), locale));
            ws.value(
                    0,
                    0,
                    text(
                                    "export.workbook.heading",
                                    locale,
                                    heading.unitName(),
                                    ExportTexts.monthLabel(heading.month(), locale))
                            + " \u00b7 " + heading.tenantName());
            ws.style(0, 0).bold().fontSize(13).set();
            ws.value(1, 0, text("export.workbook.note", locale));
            if (heading.figures() != null) {
                ws.value(2, 0, heading.figures());
                ws.style(2, 0).bold().set();
            }
            ws.value(HEADING_ROW, 0, text("export.col.no", locale));
            for (int c = 0; c < columns.size(); c++) {
                ws.value(HEADING_ROW, c + 1, text("export.col." + columns.get(c).key(), locale));
            }
            ws.range(HEADING_ROW, 0, HEADING_ROW, columns.size())
                    .style()
                    .bold()
                    .wrapText(true)
                    .fillColor("DDE4EE")
                    .set();
            layout(ws, columns);
            int[] row = {HEADING_ROW + 1};
            int[] differing = {0};
            employees.accept(shown -> {
                EmployeeMonth month = shown.figures();
                int r = row[0]++;
                totals.add(month);
                differing[0] += shown.currentDiffers() ? 1 : 0;
                ws.value(r, 0, r - HEADING_ROW);
                for (int c = 0; c < columns.size(); c++) {
                    cell(ws, r, c + 1, columns.get(c).of(month));
                }
                if ((r - HEADING_ROW) % FLUSH_EVERY == 0) {
                    flush(ws);
                }
            });
            int r = row[0];
            ws.value(r, 2, text("export.total", locale, totals.employees()));
            for (int c = 0; c < columns.size(); c++) {
                if (columns.get(c).kind() != ExportColumn.Kind.TEXT) {
                    cell(ws, r, c + 1, totals.of(columns.get(c)));
                }
            }
            ws.range(r, 0, r, columns.size())
                    .style()
                    .bold()
                    .borderStyle(BorderSide.TOP, "thin")
                    .set();
            if (differing[0] > 0) {
                ws.value(r + 2, 0, text("export.figures.differing", locale, differing[0], heading.closingPage()));
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return totals;
    }

    private static void layout(Worksheet ws, List<ExportColumn> columns) {
        ws.width(0, 5);
        for (int c = 0; c < columns.size(); c++) {
            ws.width(
                    c + 1,
                    switch (columns.get(c)) {
                        case NIP -> 20;
                        case NAME -> 28;
                        case UNIT_NAME -> 24;
                        default -> 9;
                    });
        }
        ws.freezePane(4, HEADING_ROW + 1);
        ws.repeatRows(HEADING_ROW);
        ws.pageOrientation("landscape");
        ws.paperSize(PaperSize.A4_PAPER);
        ws.setFitToPage(true);
        ws.fitToWidth((short) 1);
        ws.fitToHeight((short) 0);
    }

    private static void cell(Worksheet ws, int r, int c, @Nullable Object value) {
        if (value instanceof String s) {
            ws.value(r, c, s);
        } else if (value instanceof BigDecimal d) {
            ws.value(r, c, d);
            ws.style(r, c).format("0.00").set();
        } else if (value instanceof Number n) {
            ws.value(r, c, n);
        } else if (value instanceof Boolean b) {
            ws.value(r, c, b);
        }
    }

    private static void flush(Worksheet ws) {
        try {
            ws.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String text(String key, Locale locale, Object... values) {
        return messages.getMessage(key, values, locale);
    }
}
