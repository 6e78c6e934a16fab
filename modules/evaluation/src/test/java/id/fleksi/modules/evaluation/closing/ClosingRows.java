package id.fleksi.modules.evaluation.closing;

import id.fleksi.modules.attendance.CheckInRequest;
import id.fleksi.modules.reports.NewActivity;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.TenantCode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A pemda of two OPD for the closing's tests: Diskominfo (with a field, Bidang TIK, under it) where Andi supervises Siti
 * and Rina, and Dinas Kesehatan where Budi supervises Tono; one office that all of them check in at.
 */
final class ClosingRows {

    static final double LATITUDE = -1.7391;
    static final double LONGITUDE = 119.5498;
    static final Caller BKD = new Caller("r", "s-bkd", "bkd", Set.of(Role.BKD.realmRole()));
    static final Caller ASN = new Caller("r", "s-siti", "siti", Set.of(Role.ASN.realmRole()));

    final UUID diskominfo = UUID.randomUUID();
    final UUID bidangTik = UUID.randomUUID();
    final UUID dinkes = UUID.randomUUID();
    final UUID andi = UUID.randomUUID();
    final UUID siti = UUID.randomUUID();
    final UUID rina = UUID.randomUUID();
    final UUID budi = UUID.randomUUID();
    final UUID tono = UUID.randomUUID();

    private final JdbcClient jdbc;
    private final String schema;
    private int nip = 10;

    ClosingRows(JdbcClient jdbc, TenantCode tenant) {
        this.jdbc = jdbc;
        this.schema = tenant.schemaName();
        unit(diskominfo, null, "DISKOMINFO", "Dinas Komunikasi dan Informatika");
        unit(bidangTik, diskominfo, "TIK", "Bidang TIK");
        unit(dinkes, null, "DINKES", "Dinas Kesehatan");
        UUID office = UUID.randomUUID();
        jdbc.sql(
                        "insert into " + schema
                                + ".office (id, name, latitude, longitude, radius_metres) values (?, 'Kantor Bupati', ?, ?, 200)")
                .params(office, LATITUDE, LONGITUDE)
                .update();
        for (UUID unit : new UUID[] {diskominfo, bidangTik, dinkes}) {
            jdbc.sql("insert into " + schema + ".office_unit (office_id, unit_id) values (?, ?)")
                    .params(office, unit)
                    .update();
        }
        employee(andi, "andi", "Andi Atasan", diskominfo, null);
        employee(siti, "siti", "Siti Aparatur", bidangTik, andi);
        employee(rina, "rina", "Rina Aparatur", diskominfo, andi);
        employee(budi, "budi", "Budi Atasan", dinkes, null);
        employee(tono, "tono", "Tono Aparatur", dinkes, budi);
    }

    private void unit(UUID id, UUID parent, String code, String name) {
        jdbc.sql("insert into " + schema + ".org_unit (id, parent_id, code, name, kind) values (?, ?, ?, ?, 'DINAS')")
                .params(id, parent, code, name)
                .update();
    }

    private void employee(UUID id, String username, String name, UUID unit, UUID supervisor) {
        String number = "1985031220100120" + (nip++);
        jdbc.sql(
                        "insert into " + schema
                                + ".employee (id, nip, name, employment_type, unit_id, supervisor_id, status, username,"
                                + " realm_user_id, created_at, updated_at) values (?, ?, ?, 'PNS', ?, ?, 'ACTIVE', ?, ?, now(), now())")
                .params(
                        id,
                        number,
                        name,
                        unit,
                        supervisor,
                        username,
                        UUID.randomUUID().toString())
                .update();
    }

    /** A check-in captured on the phone at {@code capturedAt} and sent now (queued offline). */
    static CheckInRequest offlineCheckIn(String capturedAt) {
        return new CheckInRequest(
                CheckInRequest.Kind.IN,
                LATITUDE,
                LONGITUDE,
                10.0,
                "ci-" + UUID.randomUUID(),
                OffsetDateTime.parse(capturedAt),
                false,
                "phone-1");
    }

    /** A check-out captured on the phone at {@code capturedAt} and sent now (queued offline). */
    static CheckInRequest offlineCheckOut(String capturedAt) {
        return new CheckInRequest(
                CheckInRequest.Kind.OUT,
                LATITUDE,
                LONGITUDE,
                10.0,
                "co-" + UUID.randomUUID(),
                OffsetDateTime.parse(capturedAt),
                false,
                "phone-1");
    }

    static NewActivity activity(String description) {
        return new NewActivity(description, BigDecimal.ONE, "dokumen", 60, null, null, null);
    }

    static Map<String, Object> none() {
        return Map.of();
    }

    static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }
}
