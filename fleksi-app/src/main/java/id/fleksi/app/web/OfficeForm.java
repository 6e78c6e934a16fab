package id.fleksi.app.web;

import id.fleksi.platform.organisation.Offices;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The office form as typed: kept as text, so a wrong value comes back to the admin as they wrote it, with a message
 * per field in their language. A decimal comma (-1,7391) is read as a point.
 */
record OfficeForm(
        String name, String address, String latitude, String longitude, String radiusMetres, List<UUID> unitIds) {

    static OfficeForm of(Offices.Office office) {
        return new OfficeForm(
                office.name(),
                office.address(),
                String.valueOf(office.latitude()),
                String.valueOf(office.longitude()),
                String.valueOf(office.radiusMetres()),
                office.unitIds());
    }

    static OfficeForm empty() {
        return new OfficeForm("", "", "", "", "100", List.of());
    }

    public List<UUID> units() {
        return unitIds == null ? List.of() : unitIds;
    }

    /** What is wrong, by field, in the reader's language; empty when the office may be stored. */
    Map<String, String> problems(MessageSource messages, java.util.Locale locale) {
        Map<String, MessageSourceResolvable> problems = new LinkedHashMap<>();
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            problems.put("name", message("offices.error.name"));
        }
        if (address != null && address.strip().length() > 500) {
            problems.put("address", message("offices.error.address"));
        }
        Double lat = decimal(latitude);
        if (lat == null || lat < Offices.MIN_LATITUDE || lat > Offices.MAX_LATITUDE) {
            problems.put("latitude", message("offices.error.latitude", Offices.MIN_LATITUDE, Offices.MAX_LATITUDE));
        }
        Double lon = decimal(longitude);
        if (lon == null || lon < Offices.MIN_LONGITUDE || lon > Offices.MAX_LONGITUDE) {
            problems.put("longitude", message("offices.error.longitude", Offices.MIN_LONGITUDE, Offices.MAX_LONGITUDE));
        }
        Integer radius = whole(radiusMetres);
        if (radius == null || radius < Offices.MIN_RADIUS_METRES || radius > Offices.MAX_RADIUS_METRES) {
            problems.put(
                    "radiusMetres",
                    message("offices.error.radius", Offices.MIN_RADIUS_METRES, Offices.MAX_RADIUS_METRES));
        }
        Map<String, String> said = new LinkedHashMap<>();
        problems.forEach((field, problem) -> said.put(field, messages.getMessage(problem, locale)));
        return said;
    }

    /** The office to store; call only when {@link #problems} found none. */
    Offices.NewOffice toOffice() {
        return new Offices.NewOffice(
                name.strip(),
                address == null || address.isBlank() ? null : address.strip(),
                decimal(latitude),
                decimal(longitude),
                whole(radiusMetres),
                new ArrayList<>(units()));
    }

    private static MessageSourceResolvable message(String code, Object... values) {
        return new DefaultMessageSourceResolvable(new String[] {code}, values);
    }

    private static Double decimal(String text) {
        if (text == null || !text.strip().matches("[-+−]?\\d{1,3}([.,]\\d{1,12})?")) {
            return null;
        }
        return Double.valueOf(text.strip().replace('−', '-').replace(',', '.'));
    }

    private static Integer whole(String text) {
        if (text == null || !text.strip().matches("\\d{1,6}")) {
            return null;
        }
        return Integer.valueOf(text.strip());
    }
}
