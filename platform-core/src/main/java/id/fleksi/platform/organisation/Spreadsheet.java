package id.fleksi.platform.organisation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * A spreadsheet as BKPSDM hands it over, CSV (comma or semicolon) or XLSX (first sheet): a header row, then
 * one row per record. Column names are matched case-insensitively; row numbers are as the person sees them
 * (the header is row 1).
 */
public final class Spreadsheet {

    /** One data row: its number in the file and its cells by lower-case column name (blank cells absent). */
    public record Line(int number, Map<String, String> cells) {
        public String get(String column) {
            return cells.get(column);
        }
    }

    /** A cell that cannot be read as it was meant, e.g. an 18-digit NIP stored as a number. */
    public record Unreadable(int row, String column, String reason) {}

    /**
     * A file refused before any row is read: the English message, and a {@code code} with its {@code values} for a page to
     * say it in the reader's language ({@code import.refused.<code>}).
     */
    public static class Refused extends IOException {

        private final String code;
        private final List<String> values;

        Refused(String code, String message, Throwable cause, Object... values) {
            super(message, cause);
            this.code = code;
            this.values = java.util.Arrays.stream(values).map(String::valueOf).toList();
        }

        public String code() {
            return code;
        }

        public List<String> values() {
            return values;
        }
    }

    private final List<String> columns;
    private final List<Line> lines;
    private final List<Unreadable> unreadable;

    private Spreadsheet(List<String> columns, List<Line> lines, List<Unreadable> unreadable) {
        this.columns = columns;
        this.lines = lines;
        this.unreadable = unreadable;
    }

    public List<String> columns() {
        return columns;
    }

    public List<Line> lines() {
        return lines;
    }

    public List<Unreadable> unreadable() {
        return unreadable;
    }

    /**
     * Reads a spreadsheet within {@link SpreadsheetLimits}: a file, an unpacked XLSX, a row count or a cell over its bound
     * is refused with an {@link IOException} saying which, before it can fill the memory.
     */
    public static Spreadsheet read(InputStream in, String filename) throws IOException {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx")) {
            byte[] file = SpreadsheetLimits.readBounded(in);
            SpreadsheetLimits.checkXlsx(file);
            return xlsx(new java.io.ByteArrayInputStream(file));
        }
        if (name.endsWith(".csv") || name.endsWith(".txt")) {
            return csv(new String(SpreadsheetLimits.readBounded(in), StandardCharsets.UTF_8));
        }
        throw new Refused("file-type", "a spreadsheet is a .csv or .xlsx file, not " + filename, null, filename);
    }

    private static Spreadsheet csv(String text) throws IOException {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String header = text.lines().findFirst().orElse("");
        char delimiter = header.chars().filter(c -> c == ';').count()
                        > header.chars().filter(c -> c == ',').count()
                ? ';'
                : ',';
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setTrim(true)
                .setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true)
                .get();
        List<Line> lines = new ArrayList<>();
        List<String> columns;
        try (CSVParser parser = CSVParser.parse(text, format)) {
            columns = parser.getHeaderNames().stream()
                    .map(c -> c.strip().toLowerCase(Locale.ROOT))
                    .toList();
            for (CSVRecord record : parser) {
                rowWithin(record.getRecordNumber() + 1);
                Map<String, String> cells = new LinkedHashMap<>();
                for (int i = 0; i < columns.size() && i < record.size(); i++) {
                    String value = cellWithin(record.get(i));
                    if (value != null && !value.isBlank()) {
                        cells.put(columns.get(i), value.strip());
                    }
                }
                if (!cells.isEmpty()) {
                    lines.add(new Line((int) record.getRecordNumber() + 1, cells));
                }
            }
        } catch (java.io.UncheckedIOException | IllegalArgumentException e) {
            throw new Refused("csv", "the CSV file cannot be read: " + e.getMessage(), e);
        }
        return new Spreadsheet(columns, lines, List.of());
    }

    private static Spreadsheet xlsx(InputStream in) throws IOException {
        List<String> columns = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        List<Unreadable> unreadable = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(in);
                java.util.stream.Stream<Row> stream = workbook.getFirstSheet().openStream()) {
            long count = 0;
            for (Row row : (Iterable<Row>) stream::iterator) {
                rowWithin(++count);
                if (columns.isEmpty()) {
                    for (Cell cell : row) {
                        columns.add(
                                cell == null || cell.getText() == null
                                        ? ""
                                        : cell.getText().strip().toLowerCase(Locale.ROOT));
                    }
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                for (Cell cell : row) {
                    if (cell == null || cell.getColumnIndex() >= columns.size() || cell.getType() == CellType.EMPTY) {
                        continue;
                    }
                    String column = columns.get(cell.getColumnIndex());
                    String value = cellWithin(text(cell));
                    if (cell.getType() == CellType.NUMBER
                            && value.replace(".", "").length() > 15) {
                        unreadable.add(
                                new Unreadable(
                                        row.getRowNum(),
                                        column,
                                        "a number of more than 15 digits loses"
                                                + " digits in a spreadsheet; format the column as text and type the value again"));
                        continue;
                    }
                    if (value != null && !value.isBlank()) {
                        cells.put(column, value.strip());
                    }
                }
                if (!cells.isEmpty()) {
                    lines.add(new Line(row.getRowNum(), cells));
                }
            }
        } catch (RuntimeException e) {
            throw new Refused(
                    "xlsx",
                    "the XLSX file cannot be read as a spreadsheet ("
                            + e.getClass().getSimpleName() + ")",
                    e);
        }
        return new Spreadsheet(columns, lines, unreadable);
    }

    private static void rowWithin(long number) throws IOException {
        if (number > SpreadsheetLimits.MAX_ROWS + 1) {
            throw new Refused(
                    "rows",
                    "the file has more than " + SpreadsheetLimits.MAX_ROWS + " rows; split it into smaller files",
                    null,
                    SpreadsheetLimits.MAX_ROWS);
        }
    }

    private static String cellWithin(String value) throws IOException {
        if (value != null && value.length() > SpreadsheetLimits.MAX_CELL_CHARACTERS) {
            throw new Refused(
                    "cell",
                    "a cell holds more than " + SpreadsheetLimits.MAX_CELL_CHARACTERS
                            + " characters (Excel's own limit)",
                    null,
                    SpreadsheetLimits.MAX_CELL_CHARACTERS);
        }
        return value;
    }

    /** A cell as the person typed it: whole numbers without ".0", dates as yyyy-MM-dd. */
    private static String text(Cell cell) {
        if (cell.getType() == CellType.NUMBER) {
            java.math.BigDecimal number = new java.math.BigDecimal(cell.getRawValue());
            return number.stripTrailingZeros().scale() <= 0
                    ? number.toBigInteger().toString()
                    : number.toPlainString();
        }
        return cell.getText();
    }
}
