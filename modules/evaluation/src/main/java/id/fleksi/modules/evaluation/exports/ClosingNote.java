package id.fleksi.modules.evaluation.exports;

import id.fleksi.modules.evaluation.closing.MonthAsPaid;
import id.fleksi.modules.evaluation.closing.MonthClosings;
import id.fleksi.platform.tenancy.Tenant;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The sentences an export says about its figures, in the reader's language: closed on which date and in which version
 * (the figures as paid), or not closed (the current computation); when corrections are open since the closing, that the
 * current computation may differ and that the closing page shows both. (How many rows it does differ for is known only
 * at the end: the workbook and the recap say it under their totals, "export.figures.differing".)
 */
@Component
class ClosingNote {

    private final MessageSource messages;

    ClosingNote(MessageSource messages) {
        this.messages = messages;
    }

    /** "Ditutup pada 3 Desember 2026, versi 2: angka sebagaimana dibayarkan." and what else a reader must know. */
    String heading(Tenant tenant, YearMonth month, MonthAsPaid.Standing standing, Locale locale) {
        ZoneId zone = tenant.timeZone().zone();
        MonthClosings.OpdState single = standing.single();
        String text;
        if (standing.noneClosed()) {
            text = text("export.figures.open", locale);
        } else if (single != null) {
            text = text("export.figures.closed", locale, date(single.closedAt(), zone, locale), single.version());
        } else if (standing.allClosed()) {
            text = text("export.figures.allClosed", locale, standing.opds().size());
        } else {
            text = text(
                    "export.figures.partlyClosed",
                    locale,
                    standing.closedCount(),
                    standing.opds().size());
        }
        if (standing.openCorrections() > 0) {
            text += " "
                    + text("export.figures.correcting", locale, standing.openCorrections(), closingPage(tenant, month));
        }
        return text;
    }

    /** The page that shows an employee's paid figures beside the current computation, from the month's OPDs. */
    static String closingPage(Tenant tenant, YearMonth month) {
        return "/t/" + tenant.code().value() + "/evaluation/closing?month=" + month;
    }

    private static String date(Instant at, ZoneId zone, Locale locale) {
        return ExportTexts.date(at.atZone(zone).toLocalDate(), locale);
    }

    private String text(String key, Locale locale, Object... values) {
        return messages.getMessage(key, values, locale);
    }
}
