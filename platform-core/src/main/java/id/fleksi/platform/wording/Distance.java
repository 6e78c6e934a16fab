package id.fleksi.platform.wording;

import java.text.MessageFormat;
import java.util.Locale;
import org.springframework.context.MessageSourceResolvable;

/**
 * A distance as people say it: whole metres below a kilometre ("350 m"), kilometres with one decimal from there on
 * ("127,8 km" in Indonesian, "127.8 km" in English). The numbers follow the reader's locale; the units are the same
 * in every language, so no bundle is needed.
 */
public record Distance(double metres) implements MessageSourceResolvable {

    private static final String KILOMETRES = "{0,number,#,##0.0} km";
    private static final String METRES = "{0,number,#,##0} m";

    public static Distance ofMetres(double metres) {
        return new Distance(metres);
    }

    private boolean kilometres() {
        return Math.round(metres) >= 1000;
    }

    /** The distance in {@code locale}, for text made outside a message source (a script's data, a log line). */
    public String in(Locale locale) {
        return new MessageFormat(getDefaultMessage(), locale).format(getArguments());
    }

    @Override
    public String[] getCodes() {
        return null;
    }

    @Override
    public Object[] getArguments() {
        return new Object[] {kilometres() ? metres / 1000 : (double) Math.round(metres)};
    }

    @Override
    public String getDefaultMessage() {
        return kilometres() ? KILOMETRES : METRES;
    }

    /** As an English sentence written in the code says it. */
    @Override
    public String toString() {
        return in(Locale.ENGLISH);
    }
}
