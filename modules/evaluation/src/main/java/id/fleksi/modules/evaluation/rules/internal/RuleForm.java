package id.fleksi.modules.evaluation.rules.internal;

import id.fleksi.modules.evaluation.rules.RuleSet;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The rules page's form for a new version, as typed: every field is kept as text, so a refused form comes back exactly
 * as it was sent. Its band rows are named as the API names them ({@code lateBands[1].fromMinutes}), so a refusal's field
 * marks the input it is about. A row left empty is no band.
 */
public class RuleForm {

    /** One band's row. */
    public static class Row {
        private String code = "";
        private String fromMinutes = "";
        private String toMinutes = "";
        private String percent = "";

        static Row of(RuleSet.Band band) {
            Row row = new Row();
            row.code = band.code();
            row.fromMinutes = String.valueOf(band.fromMinutes());
            row.toMinutes = band.toMinutes() == null ? "" : String.valueOf(band.toMinutes());
            row.percent = band.percent().stripTrailingZeros().toPlainString();
            return row;
        }

        boolean empty() {
            return blank(code) && blank(fromMinutes) && blank(toMinutes) && blank(percent);
        }

        /** A start left empty or not a number is 0, which the check names ("must start at 31"). */
        RuleSet.Band band() {
            Integer from = integer(fromMinutes);
            return new RuleSet.Band(
                    code == null ? "" : code.strip(), from == null ? 0 : from, integer(toMinutes), decimal(percent));
        }

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public String getFromMinutes() {
            return fromMinutes;
        }

        public void setFromMinutes(String fromMinutes) {
            this.fromMinutes = fromMinutes;
        }

        public String getToMinutes() {
            return toMinutes;
        }

        public void setToMinutes(String toMinutes) {
            this.toMinutes = toMinutes;
        }

        public String getPercent() {
            return percent;
        }

        public void setPercent(String percent) {
            this.percent = percent;
        }
    }

    private String from = "";
    private String effectiveFrom = "";
    private String name = "";
    private String source = "";
    private String unexcusedPercent = "";
    private String noApelPercent = "";
    private String noReportPercent = "";
    private String capPercent = "";
    private String makeUpMinutes = "";
    private boolean dinasLuarExcuses;
    private List<Row> lateBands = new ArrayList<>();
    private List<Row> earlyLeaveBands = new ArrayList<>();

    /** The form filled in with a base's rules, to take effect from {@code date}. */
    static RuleForm of(String from, RuleSet base, LocalDate date) {
        RuleForm form = new RuleForm();
        form.from = from;
        form.effectiveFrom = date.toString();
        form.name = base.name();
        form.source = base.source();
        form.unexcusedPercent = plain(base.unexcusedPercent());
        form.noApelPercent = plain(base.noApelPercent());
        form.noReportPercent = plain(base.noReportPercent());
        form.capPercent = plain(base.capPercent());
        form.makeUpMinutes = String.valueOf(base.makeUpMinutes());
        form.dinasLuarExcuses = base.dinasLuarExcuses();
        form.lateBands = new ArrayList<>(base.lateBands().stream().map(Row::of).toList());
        form.earlyLeaveBands =
                new ArrayList<>(base.earlyLeaveBands().stream().map(Row::of).toList());
        return form;
    }

    /** The rows of {@code lateBands} or {@code earlyLeaveBands}; null for any other name. */
    @Nullable
    List<Row> rows(String list) {
        return switch (list) {
            case "lateBands" -> lateBands;
            case "earlyLeaveBands" -> earlyLeaveBands;
            default -> null;
        };
    }

    /** Rows left empty are dropped, so each remaining row's index is its band's. */
    void dropEmptyRows() {
        lateBands.removeIf(Row::empty);
        earlyLeaveBands.removeIf(Row::empty);
    }

    /** What the form asks for; a figure left empty keeps the base's. */
    RuleEditing.NewVersion version() {
        LocalDate date;
        try {
            date = blank(effectiveFrom) ? null : LocalDate.parse(effectiveFrom.strip());
        } catch (java.time.format.DateTimeParseException e) {
            date = null;
        }
        return new RuleEditing.NewVersion(
                from,
                date,
                blank(name) ? null : name,
                blank(source) ? null : source,
                lateBands.stream().map(Row::band).toList(),
                earlyLeaveBands.stream().map(Row::band).toList(),
                decimal(unexcusedPercent),
                decimal(noApelPercent),
                decimal(noReportPercent),
                decimal(capPercent),
                dinasLuarExcuses,
                integer(makeUpMinutes));
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }

    private static @Nullable Integer integer(@Nullable String text) {
        try {
            return blank(text) ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A decimal as a phone may send it: "0.5", or "0,5" where a browser kept the comma. */
    private static @Nullable BigDecimal decimal(@Nullable String text) {
        try {
            return blank(text) ? null : new BigDecimal(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getEffectiveFrom() {
        return effectiveFrom;
    }

    public void setEffectiveFrom(String effectiveFrom) {
        this.effectiveFrom = effectiveFrom;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getUnexcusedPercent() {
        return unexcusedPercent;
    }

    public void setUnexcusedPercent(String unexcusedPercent) {
        this.unexcusedPercent = unexcusedPercent;
    }

    public String getNoApelPercent() {
        return noApelPercent;
    }

    public void setNoApelPercent(String noApelPercent) {
        this.noApelPercent = noApelPercent;
    }

    public String getNoReportPercent() {
        return noReportPercent;
    }

    public void setNoReportPercent(String noReportPercent) {
        this.noReportPercent = noReportPercent;
    }

    public String getCapPercent() {
        return capPercent;
    }

    public void setCapPercent(String capPercent) {
        this.capPercent = capPercent;
    }

    public String getMakeUpMinutes() {
        return makeUpMinutes;
    }

    public void setMakeUpMinutes(String makeUpMinutes) {
        this.makeUpMinutes = makeUpMinutes;
    }

    public boolean isDinasLuarExcuses() {
        return dinasLuarExcuses;
    }

    public void setDinasLuarExcuses(boolean dinasLuarExcuses) {
        this.dinasLuarExcuses = dinasLuarExcuses;
    }

    public List<Row> getLateBands() {
        return lateBands;
    }

    public void setLateBands(List<Row> lateBands) {
        this.lateBands = lateBands;
    }

    public List<Row> getEarlyLeaveBands() {
        return earlyLeaveBands;
    }

    public void setEarlyLeaveBands(List<Row> earlyLeaveBands) {
        this.earlyLeaveBands = earlyLeaveBands;
    }
}
