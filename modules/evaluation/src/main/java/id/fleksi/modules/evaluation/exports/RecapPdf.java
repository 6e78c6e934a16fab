package id.fleksi.modules.evaluation.exports;

import id.fleksi.modules.evaluation.EmployeeMonth;
import id.fleksi.modules.evaluation.closing.MonthAsPaid;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The recap a head of OPD signs: the OPD, the month, a row per employee (attendance, absences, apel, reports, the
 * deduction), the totals, a legend of the short headings, and the signature block (place and date, "Kepala ...", room to
 * sign, name and NIP); "Halaman i dari n" on every page. Landscape A4; the heading of the table repeats on each page.
 */
@Component
public class RecapPdf {

    public static final String MEDIA_TYPE = "application/pdf";

    private static final float ROW = 12;
    private static final float SIZE = 7;
    private static final float SIGNATURE_HEIGHT = 120;

    /** Who signs: the OPD's head (name and NIP blank when the OPD has none recorded), where and when. */
    public record Signer(
            @Nullable String name, @Nullable String nip, String title, String place, java.time.LocalDate date) {}

    private record Column(
            String key,
            float width,
            boolean right,
            Function<EmployeeMonth, String> value,
            Function<MonthTotals, String> total) {}

    private static Column count(String key, ExportColumn column) {
        return new Column(key, 31, true, m -> String.valueOf(column.of(m)), t -> String.valueOf(t.of(column)));
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("no", 20, true, m -> "", t -> ""),
            new Column("nip", 86, false, EmployeeMonth::nip, t -> ""),
            new Column("name", 148, false, EmployeeMonth::name, t -> ""),
            count("hk", ExportColumn.WORKING_DAYS),
            count("wfo", ExportColumn.PRESENT_WFO),
            count("wfa", ExportColumn.PRESENT_WFA),
            count("dl", ExportColumn.PRESENT_DINAS_LUAR),
            count("tl", ExportColumn.LATE_DAYS),
            count("tlm", ExportColumn.LATE_MINUTES),
            count("psw", ExportColumn.EARLY_LEAVE_DAYS),
            count("pswm", ExportColumn.EARLY_LEAVE_MINUTES),
            count("s", ExportColumn.ABSENT_SAKIT),
            count("c", ExportColumn.ABSENT_CUTI),
            count("i", ExportColumn.ABSENT_IZIN),
            count("other", ExportColumn.ABSENT_OTHER),
            count("tk", ExportColumn.UNEXCUSED_DAYS),
            new Column(
                    "apel",
                    34,
                    true,
                    m -> m.apelsAttended() + "/" + m.apelsHeld(),
                    t -> t.of(ExportColumn.APELS_ATTENDED) + "/" + t.of(ExportColumn.APELS_HELD)),
            new Column(
                    "report",
                    34,
                    true,
                    m -> percent(ExportColumn.REPORT_COMPLIANCE_PERCENT.of(m)),
                    t -> percent(t.of(ExportColumn.REPORT_COMPLIANCE_PERCENT))),
            new Column("deduction", 38, true, m -> percent(ExportColumn.DEDUCTION_PERCENT.of(m)), t -> ""));

    private final MessageSource messages;

    RecapPdf(MessageSource messages) {
        this.messages = messages;
    }

    /** Writes the recap of the employees {@code employees} hands over to {@code out} (not closed); returns their totals. */
    public MonthTotals write(
            OutputStream out,
            MonthWorkbook.Heading heading,
            Signer signer,
            Locale locale,
            Consumer<Consumer<MonthAsPaid.Shown>> employees) {
        MonthTotals totals = new MonthTotals();
        int[] differing = {0};
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(text("recap.title", locale) + " " + heading.unitName() + " "
                    + ExportTexts.monthLabel(heading.month(), locale));
            info.setCreator("Fleksi");
            try (PdfWriter pdf = new PdfWriter(document)) {
                float[] y = {top(pdf, heading, locale)};
                int[] number = {0};
                employees.accept(shown -> {
                    EmployeeMonth month = shown.figures();
                    differing[0] += shown.currentDiffers() ? 1 : 0;
                    if (y[0] + ROW > pdf.height() - PdfWriter.MARGIN - ROW) {
                        y[0] = top(pdf, heading, locale);
                    }
                    totals.add(month);
                    number[0]++;
                    row(pdf, y[0], month, null, String.valueOf(number[0]), locale);
                    y[0] += ROW;
                });
                if (y[0] + ROW > pdf.height() - PdfWriter.MARGIN - ROW) {
                    y[0] = top(pdf, heading, locale);
                }
                pdf.line(PdfWriter.MARGIN, y[0] - ROW + 3, PdfWriter.MARGIN + tableWidth(), y[0] - ROW + 3, 0.6f);
                row(pdf, y[0], null, totals, text("recap.total", locale, totals.employees()), locale);
                y[0] += ROW * 1.6f;
                List<String> differs = differing[0] == 0
                        ? List.of()
                        : lines(
                                pdf,
                                text("export.figures.differing", locale, differing[0], heading.closingPage()),
                                7.5f);
                String[] legend = text("recap.legend", locale).split("\n");
                if (y[0] + differs.size() * 10 + legend.length * 9 > pdf.height() - PdfWriter.MARGIN - ROW) {
                    pdf.newPage();
                    y[0] = PdfWriter.MARGIN + 12;
                }
                for (String line : differs) {
                    pdf.text(line, pdf.bold, 7.5f, PdfWriter.MARGIN, y[0]);
                    y[0] += 10;
                }
                y[0] += differs.isEmpty() ? 0 : 3;
                for (String line : legend) {
                    pdf.text(line, pdf.regular, 6.5f, PdfWriter.MARGIN, y[0]);
                    y[0] += 9;
                }
                if (y[0] + SIGNATURE_HEIGHT > pdf.height() - PdfWriter.MARGIN) {
                    pdf.newPage();
                    y[0] = PdfWriter.MARGIN + 12;
                }
                signature(pdf, y[0] + 14, signer, locale);
                pdf.pageNumbers((page, pages) -> text("recap.page", locale, page, pages), 7);
            }
            document.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return totals;
    }

    /** A new page with the title and the table's heading; returns where the first row's baseline goes. */
    private float top(PdfWriter pdf, MonthWorkbook.Heading heading, Locale locale) {
        pdf.newPage();
        float x = PdfWriter.MARGIN;
        pdf.text(text("recap.title", locale).toUpperCase(locale), pdf.bold, 12, x, PdfWriter.MARGIN + 10);
        pdf.text(heading.unitName(), pdf.bold, 11, x, PdfWriter.MARGIN + 25);
        pdf.text(
                text("recap.subtitle", locale, heading.tenantName(), ExportTexts.monthLabel(heading.month(), locale)),
                pdf.regular,
                9.5f,
                x,
                PdfWriter.MARGIN + 39);
        float y = PdfWriter.MARGIN + 52;
        if (heading.figures() != null) {
            for (String line : lines(pdf, heading.figures(), 8)) {
                pdf.text(line, pdf.bold, 8, x, y);
                y += 10;
            }
            y += 2;
        }
        pdf.shade(x, y, tableWidth(), ROW + 2, 0.87f);
        for (Column column : COLUMNS) {
            pdf.cell(
                    text("recap.col." + column.key(), locale),
                    pdf.bold,
                    6.5f,
                    x,
                    column.width(),
                    y + 9.5f,
                    column.right());
            x += column.width();
        }
        return y + ROW + 2 + 9;
    }

    /** A row of an employee, or the totals; figures right-aligned, decimals with a comma in Bahasa Indonesia. */
    private void row(
            PdfWriter pdf,
            float y,
            @Nullable EmployeeMonth month,
            @Nullable MonthTotals totals,
            String first,
            Locale locale) {
        boolean comma = !"en".equals(locale.getLanguage());
        float x = PdfWriter.MARGIN;
        for (int c = 0; c < COLUMNS.size(); c++) {
            Column column = COLUMNS.get(c);
            String value = c == 0 && month != null
                    ? first
                    : month != null
                            ? column.value().apply(month)
                            : c == 2 ? first : column.total().apply(totals);
            if (comma && column.right()) {
                value = value.replace('.', ',');
            }
            pdf.cell(
                    value,
                    month == null ? pdf.bold : pdf.regular,
                    SIZE,
                    x,
                    column.width(),
                    y,
                    column.right() && !(month == null && c == 2));
            x += column.width();
        }
    }

    private void signature(PdfWriter pdf, float y, Signer signer, Locale locale) {
        float x = pdf.width() - PdfWriter.MARGIN - 230;
        pdf.text(signer.place() + ", " + ExportTexts.date(signer.date(), locale), pdf.regular, 9, x, y);
        pdf.text(signer.title(), pdf.regular, 9, x, y + 13);
        float nameY = y + 78;
        String name = signer.name() == null ? "...................................................." : signer.name();
        pdf.text(name, pdf.bold, 9, x, nameY);
        pdf.line(x, nameY + 2, x + pdf.widthOf(name, pdf.bold, 9), nameY + 2, 0.5f);
        pdf.text(
                text("recap.nip", locale) + " "
                        + (signer.nip() == null ? "...................................." : signer.nip()),
                pdf.regular,
                9,
                x,
                nameY + 13);
    }

    /** The text broken at spaces into lines as wide as the table. */
    private static List<String> lines(PdfWriter pdf, String text, float size) {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String longer = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && pdf.widthOf(longer, pdf.bold, size) > tableWidth()) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(longer);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static float tableWidth() {
        return (float) COLUMNS.stream().mapToDouble(Column::width).sum();
    }

    private static String percent(@Nullable Object value) {
        return value == null ? "\u2013" : value.toString();
    }

    private String text(String key, Locale locale, Object... values) {
        return messages.getMessage(key, values, locale);
    }
}
