package id.fleksi.modules.evaluation.exports;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Text and lines on landscape A4 pages of one document, top-down: {@code y} counts from the top edge. Helvetica (one of
 * PDF's standard fonts, which every reader has) in WinAnsi: a character it cannot write becomes "?", never an error.
 */
final class PdfWriter implements AutoCloseable {

    static final PDRectangle A4_LANDSCAPE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    static final float MARGIN = 36;

    final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final PDDocument document;
    private PDPageContentStream content;

    PdfWriter(PDDocument document) {
        this.document = document;
    }

    float width() {
        return A4_LANDSCAPE.getWidth();
    }

    float height() {
        return A4_LANDSCAPE.getHeight();
    }

    void newPage() {
        closeContent();
        PDPage page = new PDPage(A4_LANDSCAPE);
        document.addPage(page);
        content = io(() -> new PDPageContentStream(document, page));
    }

    /** Text with its left edge at x and its baseline at y from the top. */
    void text(String text, PDFont font, float size, float x, float y) {
        String safe = safe(text, font);
        io(() -> {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, height() - y);
            content.showText(safe);
            content.endText();
            return null;
        });
    }

    /** Text in a cell of this width: left-aligned and cut with "..." when too wide, or right-aligned. */
    void cell(String text, PDFont font, float size, float x, float cellWidth, float y, boolean right) {
        String safe = safe(text, font);
        float padding = 2;
        if (!right) {
            while (safe.length() > 1 && widthOf(safe, font, size) > cellWidth - 2 * padding) {
                safe = safe.substring(0, safe.length() - 2) + "\u2026";
            }
            text(safe, font, size, x + padding, y);
        } else {
            text(safe, font, size, x + cellWidth - padding - widthOf(safe, font, size), y);
        }
    }

    void line(float x1, float y1, float x2, float y2, float thickness) {
        io(() -> {
            content.setLineWidth(thickness);
            content.moveTo(x1, height() - y1);
            content.lineTo(x2, height() - y2);
            content.stroke();
            return null;
        });
    }

    void shade(float x, float y, float w, float h, float grey) {
        io(() -> {
            content.setNonStrokingColor(grey, grey, grey);
            content.addRect(x, height() - y - h, w, h);
            content.fill();
            content.setNonStrokingColor(0f, 0f, 0f);
            return null;
        });
    }

    float widthOf(String text, PDFont font, float size) {
        return io(() -> font.getStringWidth(safe(text, font)) / 1000 * size);
    }

    /** Writes "Halaman i dari n" (or its English) at the foot of every page, once all pages are known. */
    void pageNumbers(java.util.function.BiFunction<Integer, Integer, String> label, float size) {
        closeContent();
        int pages = document.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            PDPage page = document.getPage(i);
            content = io(
                    () -> new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true, true));
            String text = label.apply(i + 1, pages);
            text(text, regular, size, width() - MARGIN - widthOf(text, regular, size), height() - MARGIN / 2);
            closeContent();
        }
    }

    static String safe(String text, PDFont font) {
        try {
            font.encode(text);
            return text;
        } catch (IOException | IllegalArgumentException notAll) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                String one = new String(Character.toChars(cp));
                try {
                    font.encode(one);
                    out.append(one);
                } catch (IOException | IllegalArgumentException no) {
                    out.append('?');
                }
            });
            return out.toString();
        }
    }

    private void closeContent() {
        if (content != null) {
            io(() -> {
                content.close();
                return null;
            });
            content = null;
        }
    }

    @Override
    public void close() {
        closeContent();
    }

    private interface IoAction<T> {
        T run() throws IOException;
    }

    private static <T> T io(IoAction<T> action) {
        try {
            return action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
