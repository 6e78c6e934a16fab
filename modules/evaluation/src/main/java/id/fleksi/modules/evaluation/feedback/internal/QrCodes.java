package id.fleksi.modules.evaluation.feedback.internal;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;

/**
 * A QR code as SVG, drawn on the server from ZXing's matrix: one path of unit squares inside the standard quiet zone
 * of four modules, so it prints sharp at any size and needs no script or image service. Error correction M (15%): a
 * printed sheet on a counter gets scratched.
 */
public final class QrCodes {

    private static final int QUIET = 4;

    private QrCodes() {}

    public static String svg(String content) {
        ByteMatrix matrix;
        try {
            matrix = Encoder.encode(content, ErrorCorrectionLevel.M).getMatrix();
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot be put in a QR code: " + content, e);
        }
        int size = matrix.getWidth() + 2 * QUIET;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y) == 1) {
                    path.append('M')
                            .append(x + QUIET)
                            .append(',')
                            .append(y + QUIET)
                            .append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size + "\" width=\"" + size * 8
                + "\" height=\"" + size * 8 + "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"QR\">"
                + "<rect width=\"" + size + "\" height=\"" + size + "\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }
}
