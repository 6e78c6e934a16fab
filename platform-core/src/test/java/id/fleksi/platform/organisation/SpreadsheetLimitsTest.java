package id.fleksi.platform.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

/** A spreadsheet that would unpack or grow past its bounds is refused, saying which, before it fills the memory. */
class SpreadsheetLimitsTest {

    @Test
    void anXlsxWhoseOneCellUnpacksTo200MegabytesIsRefusedWithoutBeingHeldInMemory() throws IOException {
        byte[] bomb = zipOf("<c r=\"A1\" t=\"inlineStr\"><is><t>", "A", "</t></is></c>", 200L * 1024 * 1024);
        assertThat(bomb.length).as("a few hundred kilobytes").isLessThan(400 * 1024);
        long before = heapAfterResettingPeaks();

        assertThatThrownBy(() -> Spreadsheet.read(new ByteArrayInputStream(bomb), "pegawai.xlsx"))
                .isInstanceOf(IOException.class)
                .hasMessage("a cell holds more than 32767 characters (Excel's own limit)");
        assertThat(peakHeap() - before).as("bytes of heap taken at the peak").isLessThan(64L * 1024 * 1024);
    }

    @Test
    void anXlsxOfMillionsOfSmallCellsIsRefusedForItsRatioBeforeItIsParsed() throws IOException {
        byte[] bomb = zipOf("", "<c><v>1</v></c>", "", 200L * 1024 * 1024);
        long before = heapAfterResettingPeaks();

        assertThatThrownBy(() -> Spreadsheet.read(new ByteArrayInputStream(bomb), "pegawai.xlsx"))
                .hasMessage("the XLSX file unpacks to more than 100 times its size, which no spreadsheet does;"
                        + " save it again from the spreadsheet program");
        assertThat(peakHeap() - before).as("bytes of heap taken at the peak").isLessThan(64L * 1024 * 1024);
    }

    @Test
    void aCellLongerThanExcelAllowsIsRefusedEvenWhenTheFileIsSmallAfterUnpacking() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(file, "Fleksi", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("Pegawai");
            sheet.value(0, 0, "name");
            sheet.value(1, 0, "x".repeat(40_000));
        }
        assertThatThrownBy(() -> Spreadsheet.read(new ByteArrayInputStream(file.toByteArray()), "pegawai.xlsx"))
                .hasMessage("a cell holds more than 32767 characters (Excel's own limit)");
        String csv = "name,employment_type\n" + "y".repeat(40_000) + ",PNS\n";
        assertThatThrownBy(() ->
                        Spreadsheet.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "pegawai.csv"))
                .hasMessage("a cell holds more than 32767 characters (Excel's own limit)");
    }

    @Test
    void moreRowsThanAnyPersonnelListIsRefusedButTheBoundItselfIsRead() throws IOException {
        StringBuilder csv = new StringBuilder("name,employment_type,unit_code\n");
        for (int i = 0; i < SpreadsheetLimits.MAX_ROWS; i++) {
            csv.append("P").append(i).append(",PNS,DINKES\n");
        }
        assertThat(Spreadsheet.read(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), "a.csv")
                        .lines())
                .hasSize(SpreadsheetLimits.MAX_ROWS);
        csv.append("one more,PNS,DINKES\n");
        assertThatThrownBy(() -> Spreadsheet.read(
                        new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), "a.csv"))
                .hasMessage("the file has more than 100000 rows; split it into smaller files");
    }

    @Test
    void aFileLargerThanTheBoundIsRefusedWithoutReadingTheRest() {
        byte[] large = new byte[SpreadsheetLimits.MAX_FILE_BYTES + 10];
        Arrays.fill(large, (byte) 'a');
        assertThatThrownBy(() -> Spreadsheet.read(new ByteArrayInputStream(large), "a.csv"))
                .hasMessage("the file is larger than 20 MB; split it into smaller files");
    }

    /** A zip of one sheet: {@code open}, then {@code unit} repeated to about {@code size} bytes (written in chunks), then {@code close}. */
    private static byte[] zipOf(String open, String unit, String close, long size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(("<worksheet><sheetData><row r=\"1\">" + open).getBytes(StandardCharsets.UTF_8));
            byte[] chunk = unit.repeat(1024 * 1024 / unit.length()).getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < size; written += chunk.length) {
                zip.write(chunk);
            }
            zip.write((close + "</row></sheetData></worksheet>").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static long heapAfterResettingPeaks() {
        System.gc();
        long used = 0;
        for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                pool.resetPeakUsage();
                used += pool.getUsage().getUsed();
            }
        }
        return used;
    }

    private static long peakHeap() {
        return java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
    }
}
