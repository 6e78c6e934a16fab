package id.fleksi.modules.evaluation.feedback.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The SVG drawn for a service's page, read back as a phone's camera would: it holds the page's address. */
class QrCodesTest {

    @Test
    void theSvgReadsBackAsThePublicAddress() throws Exception {
        String url = "https://fleksi.sulbarprov.go.id/publik/mateng/layanan/ktp-el";
        String svg = QrCodes.svg(url);
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").doesNotContain("<script");
        assertThat(read(svg)).isEqualTo(url);
    }

    /** Rasterises the SVG's unit squares (4 pixels a module) and decodes the picture with ZXing's reader. */
    public static String read(String svg) throws Exception {
        Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertThat(box.find()).isTrue();
        int modules = Integer.parseInt(box.group(1));
        int scale = 4;
        int size = modules * scale;
        int[] pixels = new int[size * size];
        java.util.Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher square = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z").matcher(svg);
        while (square.find()) {
            int x = Integer.parseInt(square.group(1));
            int y = Integer.parseInt(square.group(2));
            for (int dy = 0; dy < scale; dy++) {
                for (int dx = 0; dx < scale; dx++) {
                    pixels[(y * scale + dy) * size + x * scale + dx] = 0xFF000000;
                }
            }
        }
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(size, size, pixels)));
        return new QRCodeReader()
                .decode(bitmap, java.util.Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
                .getText();
    }
}
