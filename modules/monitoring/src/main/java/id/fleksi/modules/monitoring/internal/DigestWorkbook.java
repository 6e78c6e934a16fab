package id.fleksi.modules.monitoring.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A digest as an XLSX workbook, in the reader's language: a sheet for the whole period, then one per week, each a row
 * per person and the OPD's total at the bottom. Set to print landscape on one page wide, the heading repeated.
 */
@Component
public class DigestWorkbook {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The row of each sheet that names the columns (0-based); persons start on the next row. */
    public static final int HEADING_ROW = 3;

    /** The columns before the counts: number, name, NIP, unit. */
    public static final int FIRST_COUNT_COLUMN = 4;

    private final MessageSource messages;

    DigestWorkbook(MessageSource messages) {
        this.messages = messages;
    }

    /** The file's name, e.g. {@code rekap-DINKES-2026-11.xlsx}. */
    public String fileName(Digests.Digest digest, Locale locale) {
        return text("digest.file", locale) + "-" + digest.unit() + "-" + digest.period() + ".xlsx";
    }

    public byte[] write(Digests.Digest digest, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Fleksi", "1.0");
            sheet(
                    workbook.newWorksheet(text("digest.sheet.total", locale)),
                    digest,
                    locale,
                    digest.from() + " \u2013 " + digest.to(),
                    digest.people().stream().map(Digests.PersonDigest::total).toList(),
                    digest.total());
            for (int w = 0; w < digest.weeks().size(); w++) {
                DigestPeriod.Week week = digest.weeks().get(w);
                int at = w;
                sheet(
                        workbook.newWorksheet(week.label()),
                        digest,
                        locale,
                        week.label() + ": " + week.from() + " \u2013 " + week.to(),
                        digest.people().stream().map(p -> p.weeks().get(at)).toList(),
                        digest.totalByWeek().get(w));
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void sheet(Worksheet ws, Digests.Digest digest, Locale locale, String span, List<Tally> rows, Tally total) {
        ws.value(
                0,
                0,
                text("digest.heading", locale, digest.unitName(), digest.period()) + " \u00b7 " + digest.tenantName());
        ws.style(0, 0).bold().fontSize(13).set();
        ws.value(1, 0, span + " \u00b7 " + text("digest.counted", locale, digest.counted()));
        String[] heading = {
            text("digest.no", locale),
            text("digest.name", locale),
            text("digest.nip", locale),
            text("digest.unit", locale)
        };
        for (int c = 0; c < heading.length; c++) {
            ws.value(HEADING_ROW, c, heading[c]);
        }
        for (int c = 0; c < Tally.COLUMNS.size(); c++) {
            ws.value(HEADING_ROW, FIRST_COUNT_COLUMN + c, text("digest.col." + Tally.COLUMNS.get(c), locale));
        }
        int last = FIRST_COUNT_COLUMN + Tally.COLUMNS.size() - 1;
        ws.range(HEADING_ROW, 0, HEADING_ROW, last)
                .style()
                .bold()
                .wrapText(true)
                .fillColor("DDE4EE")
                .set();
        int r = HEADING_ROW + 1;
        for (int i = 0; i < rows.size(); i++, r++) {
            Digests.PersonDigest person = digest.people().get(i);
            ws.value(r, 0, i + 1);
            ws.value(r, 1, person.name());
            if (person.nip() != null) {
                ws.value(r, 2, person.nip());
            }
            ws.value(r, 3, person.unit());
            counts(ws, r, rows.get(i));
        }
        ws.value(r, 1, text("digest.total", locale));
        counts(ws, r, total);
        ws.range(r, 0, r, last)
                .style()
                .bold()
                .borderStyle(org.dhatim.fastexcel.BorderSide.TOP, "thin")
                .set();

        ws.width(0, 5);
        ws.width(1, 28);
        ws.width(2, 20);
        ws.width(3, 22);
        for (int c = FIRST_COUNT_COLUMN; c <= last; c++) {
            ws.width(c, 10);
        }
        ws.freezePane(FIRST_COUNT_COLUMN, HEADING_ROW + 1);
        ws.repeatRows(HEADING_ROW);
        ws.pageOrientation("landscape");
        ws.paperSize(org.dhatim.fastexcel.PaperSize.A4_PAPER);
        ws.setFitToPage(true);
        ws.fitToWidth((short) 1);
        ws.fitToHeight((short) 0);
    }

    private static void counts(Worksheet ws, int r, Tally tally) {
        int[] values = tally.values();
        for (int c = 0; c < values.length; c++) {
            ws.value(r, FIRST_COUNT_COLUMN + c, values[c]);
        }
    }

    private String text(String key, Locale locale, Object... values) {
        return messages.getMessage(key, values, locale);
    }
}
