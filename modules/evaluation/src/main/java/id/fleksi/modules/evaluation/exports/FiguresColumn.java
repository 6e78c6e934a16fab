package id.fleksi.modules.evaluation.exports;

import id.fleksi.modules.evaluation.closing.MonthAsPaid;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The columns that say whose figures a row carries, after those of {@link ExportColumn} in the CSV and in each employee
 * of the JSON: {@code paid} (the latest closing of the month, its version and when it was closed) or {@code current}
 * (the month is not closed for her), and whether the current computation differs from what was paid.
 */
enum FiguresColumn {
    FIGURES("figures", s -> s.paid() ? "paid" : "current"),
    CLOSING_VERSION("closing_version", MonthAsPaid.Shown::version),
    CLOSED_AT("closed_at", s -> s.closedAt() == null ? null : s.closedAt().toString()),
    CURRENT_DIFFERS("current_differs", MonthAsPaid.Shown::currentDiffers);

    private final String key;
    private final Function<MonthAsPaid.Shown, @Nullable Object> value;

    FiguresColumn(String key, Function<MonthAsPaid.Shown, @Nullable Object> value) {
        this.key = key;
        this.value = value;
    }

    String key() {
        return key;
    }

    /** A String, an Integer, a Boolean, or null (not closed: no version, no date). */
    @Nullable
    Object of(MonthAsPaid.Shown shown) {
        return value.apply(shown);
    }
}
