package id.fleksi.platform.organisation;

import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * How much a spreadsheet may hold, checked before anything of it is kept in memory. An XLSX file is a zip of XML: a
 * few hundred kilobytes can unpack to gigabytes (one cell of 200 MB took 1.1 GB of the application's memory), so its
 * parts are unpacked once into a fixed buffer, counting, and the file is refused as soon as a bound is passed. Every
 * bound is far above what a personnel list of a large province needs (50,000 employees).
 */
final class SpreadsheetLimits {

    /** The file itself; the web's upload limit is lower (6 MB), the command line reads files directly. */
    static final int MAX_FILE_BYTES = 20 * 1024 * 1024;
    /** All parts of an XLSX file, unpacked. */
    static final long MAX_UNPACKED_BYTES = 100L * 1024 * 1024;
    /** Unpacked bytes per byte of the file: Apache POI's default bound too. */
    static final int MAX_RATIO = 100;

    static final int MAX_PARTS = 1_000;
    static final int MAX_ROWS = 100_000;
    /** Excel's own limit for one cell. */
    static final int MAX_CELL_CHARACTERS = 32_767;
    /** The XML of one cell's text: each character may take up to six bytes ({@code &quot;}). */
    private static final long MAX_TEXT_BYTES = 6L * MAX_CELL_CHARACTERS;
    /** The XML of one tag with its attributes. */
    private static final long MAX_TAG_BYTES = 64 * 1024;

    private SpreadsheetLimits() {}

    /** The whole file, read up to its bound; a file over it is refused without reading the rest. */
    static byte[] readBounded(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        if (bytes.length > MAX_FILE_BYTES) {
            throw new Spreadsheet.Refused(
                    "size",
                    "the file is larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MB; split it into"
                            + " smaller files",
                    null,
                    MAX_FILE_BYTES / (1024 * 1024));
        }
        return bytes;
    }

    /** Unpacks every part of an XLSX file once, without keeping it, and refuses it at the first bound it passes. */
    static void checkXlsx(byte[] file) throws IOException {
        long unpacked = 0;
        int parts = 0;
        byte[] buffer = new byte[64 * 1024];
        // The central directory lists the parts; each is then inflated and counted, never trusting the sizes it claims.
        try (ZipFile zip = ZipFile.builder()
                .setSeekableByteChannel(new SeekableInMemoryByteChannel(file))
                .get()) {
            for (ZipArchiveEntry entry : java.util.Collections.list(zip.getEntries())) {
                if (++parts > MAX_PARTS) {
                    throw new Refused(
                            "the XLSX file has more than " + MAX_PARTS + " parts; it is not a personnel list");
                }
                XmlRuns runs = new XmlRuns();
                try (InputStream part = zip.getInputStream(entry)) {
                    for (int n = part.read(buffer); n > 0; n = part.read(buffer)) {
                        unpacked += n;
                        if (unpacked > MAX_UNPACKED_BYTES) {
                            throw new Refused("the XLSX file unpacks to more than " + MAX_UNPACKED_BYTES / (1024 * 1024)
                                    + " MB; split it into smaller files");
                        }
                        if (unpacked > (long) MAX_RATIO * Math.max(file.length, 1024)) {
                            throw new Refused(
                                    "the XLSX file unpacks to more than " + MAX_RATIO + " times its size, which"
                                            + " no spreadsheet does; save it again from the spreadsheet program");
                        }
                        runs.scan(buffer, n, entry.getName());
                    }
                }
            }
        } catch (Refused e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new Spreadsheet.Refused(
                    "zip", "the XLSX file cannot be read: it is not a complete XLSX (zip) file", e);
        }
    }

    /** A bound passed: its message says which, for the person who sent the file. */
    private static final class Refused extends Spreadsheet.Refused {
        Refused(String message) {
            super("xlsx-bounds", message, null);
        }
    }

    /** The longest text between two tags, and the longest tag, of one XML part, counted byte by byte. */
    private static final class XmlRuns {
        private boolean inTag;
        private long run;

        void scan(byte[] bytes, int length, String part) throws IOException {
            for (int i = 0; i < length; i++) {
                byte b = bytes[i];
                if (b == '<' || b == '>') {
                    inTag = b == '<';
                    run = 0;
                } else if (++run > (inTag ? MAX_TAG_BYTES : MAX_TEXT_BYTES)) {
                    throw new Refused(
                            inTag
                                    ? "the XLSX file has a tag longer than " + MAX_TAG_BYTES / 1024 + " KB in " + part
                                    : "a cell holds more than " + MAX_CELL_CHARACTERS
                                            + " characters (Excel's own limit)");
                }
            }
        }
    }
}
