package id.fleksi.platform.web;

import id.fleksi.platform.problem.Problem;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A document a person uploads as evidence (an activity's proof, a sick note): at most 5 MB, of a type proven
 * by its first bytes, since what the phone claims is not trusted: PDF, JPEG, PNG, WebP, or an Office or
 * OpenDocument file (zip files, told apart by their name).
 */
public record UploadedDocument(String fileName, String contentType, byte[] content) {

    public static final int MAX_BYTES = 5 * 1024 * 1024;

    private static final Map<String, String> OFFICE = Map.of(
            ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ".pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            ".odt", "application/vnd.oasis.opendocument.text",
            ".ods", "application/vnd.oasis.opendocument.spreadsheet");

    /** The document, or a problem (413, 415) saying in words why it is not accepted. */
    public static UploadedDocument of(String fileName, byte[] content) {
        String name = fileName == null || fileName.isBlank() ? "dokumen" : fileName.strip();
        name = name.length() > 200 ? name.substring(name.length() - 200) : name;
        if (content.length > MAX_BYTES) {
            throw new Problem(
                            Problem.Kind.TOO_LARGE,
                            "document-too-large",
                            "File too large",
                            "file: " + name + " is " + content.length / 1024
                                    + " KB; documents are at most 5 MB. Send a smaller scan or a link. Nothing was saved.")
                    .values(name, content.length / 1024);
        }
        String type = sniff(content, name);
        if (type == null) {
            throw new Problem(
                            Problem.Kind.UNSUPPORTED_TYPE,
                            "document-type",
                            "File type not accepted",
                            "file: " + name
                                    + " is not a PDF, JPEG, PNG, WebP, Word, Excel, PowerPoint or OpenDocument file. Nothing was saved.")
                    .values(name);
        }
        return new UploadedDocument(name, type, content);
    }

    /** The document as a download, never rendered as something else than its proven type. */
    public ResponseEntity<byte[]> asAttachment() {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(contentType))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }

    static String sniff(byte[] content, String fileName) {
        if (starts(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return "application/pdf";
        }
        if (starts(content, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return "image/jpeg";
        }
        if (starts(content, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})) {
            return "image/png";
        }
        if (content.length > 12
                && starts(content, "RIFF".getBytes(StandardCharsets.US_ASCII))
                && Arrays.equals(Arrays.copyOfRange(content, 8, 12), "WEBP".getBytes(StandardCharsets.US_ASCII))) {
            return "image/webp";
        }
        if (starts(content, new byte[] {'P', 'K', 3, 4})) {
            String lower = fileName.toLowerCase(Locale.ROOT);
            return OFFICE.entrySet().stream()
                    .filter(e -> lower.endsWith(e.getKey()))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
        }
        return null;
    }

    private static boolean starts(byte[] content, byte[] prefix) {
        return content.length >= prefix.length && Arrays.equals(Arrays.copyOf(content, prefix.length), prefix);
    }
}
