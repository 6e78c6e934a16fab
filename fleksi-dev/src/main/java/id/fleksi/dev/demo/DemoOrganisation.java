package id.fleksi.dev.demo;

import id.fleksi.platform.organisation.EmployeeImport;
import id.fleksi.platform.organisation.Offices;
import id.fleksi.platform.organisation.OrgUnit;
import id.fleksi.platform.organisation.OrgUnitRepository;
import id.fleksi.platform.organisation.Spreadsheet;
import id.fleksi.platform.organisation.UnitImport;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * A believable organisation for a demo tenant: its OPD (from {@code demo/<tenant>-units.csv}), employees with
 * valid NIPs (each OPD's head supervising its staff), and offices with geofences ({@code demo/offices.csv}).
 * Made through the same imports BKPSDM uses. Names and NIPs are generated, never real people's.
 */
@Component
class DemoOrganisation {

    private static final String[] FIRST = {
        "Andi",
        "Muhammad",
        "Siti",
        "Nur",
        "Ahmad",
        "Sitti",
        "Rahmat",
        "Hasniah",
        "Irwan",
        "Sri",
        "Muh.",
        "Darmawati",
        "Syamsul",
        "Fitriani",
        "Arman",
        "Rosmiati",
        "Jufri",
        "Hasnah",
        "Sulaiman",
        "Rahmawati",
        "Ilham",
        "Nurhayati",
        "Hamzah",
        "Kartini",
        "Baharuddin",
        "Jumriani",
        "Ridwan",
        "Asriani"
    };
    private static final String[] LAST = {
        "Pawelangi",
        "Mandar",
        "Rahman",
        "Yusuf",
        "Hasan",
        "Salam",
        "Abdullah",
        "Saleh",
        "Latif",
        "Mahmud",
        "Amir",
        "Ibrahim",
        "Basri",
        "Hamid",
        "Nasir",
        "Arifin",
        "Syarif",
        "Tahir"
    };
    private static final String[] POSITIONS = {
        "Analis Kebijakan",
        "Pranata Komputer",
        "Pengadministrasi Umum",
        "Bendahara",
        "Penyusun Laporan Keuangan",
        "Perencana",
        "Arsiparis",
        "Pengelola Data"
    };

    private final UnitImport unitImport;
    private final EmployeeImport employeeImport;
    private final OrgUnitRepository units;
    private final Offices offices;

    DemoOrganisation(UnitImport unitImport, EmployeeImport employeeImport, OrgUnitRepository units, Offices offices) {
        this.unitImport = unitImport;
        this.employeeImport = employeeImport;
        this.units = units;
        this.offices = offices;
    }

    void seed(TenantCode tenant, int employees) {
        seed(tenant, tenant.value(), employees);
    }

    /** Seeds a tenant with the demo data of {@code dataset} ({@code mateng} or {@code sulbar}). */
    void seed(TenantCode tenant, String dataset, int employees) {
        TenantContext.runAs(tenant, () -> {
            check(unitImport.importUnits(sheet("demo/" + dataset + "-units.csv"), "demo"));
            List<OrgUnit> opd = units.findAllByOrderByCode();
            check(employeeImport.importEmployees(csv(employeesCsv(tenant, opd, employees)), "demo", line -> {}));
            Map<String, UUID> byCode = new HashMap<>();
            opd.forEach(u -> byCode.put(u.code(), u.id()));
            for (String[] office : officeRows(dataset)) {
                List<UUID> unitIds = java.util.Arrays.stream(office[5].split(";"))
                        .map(byCode::get)
                        .toList();
                offices.add(
                        new Offices.NewOffice(
                                office[1],
                                "Demo, koordinat perkiraan",
                                Double.valueOf(office[2]),
                                Double.valueOf(office[3]),
                                Integer.valueOf(office[4]),
                                unitIds),
                        "demo");
            }
        });
    }

    /** Employees spread over the OPD; the first of each is its head (Kepala) and everyone else's supervisor there. */
    private static String employeesCsv(TenantCode tenant, List<OrgUnit> opd, int count) {
        Random random = new Random(tenant.value().hashCode());
        StringBuilder csv = new StringBuilder("nip,name,employment_type,position,grade,unit_code,supervisor,talent_box,"
                + "face_to_face_service,own_device,good_connection\n");
        Map<String, String> heads = new HashMap<>();
        java.util.Set<String> nips = new java.util.HashSet<>();
        for (int i = 0; i < count; i++) {
            OrgUnit unit = opd.get(i % opd.size());
            String nip;
            do {
                LocalDate birth = LocalDate.of(1966, 1, 1).plusDays(random.nextInt(365 * 32));
                int startYear = birth.getYear() + 22 + random.nextInt(10);
                nip = String.format(
                        "%04d%02d%02d%04d%02d%d%03d",
                        birth.getYear(),
                        birth.getMonthValue(),
                        birth.getDayOfMonth(),
                        Math.min(startYear, 2024),
                        1 + random.nextInt(12),
                        1 + random.nextInt(2),
                        1 + random.nextInt(999));
            } while (!nips.add(nip));
            boolean head = !heads.containsKey(unit.code());
            String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
            String position = head ? "Kepala " + unit.name() : POSITIONS[random.nextInt(POSITIONS.length)];
            boolean faceToFace = unit.code().startsWith("PKM") || unit.code().equals("DISDUKCAPIL");
            csv.append(String.join(
                            ",",
                            nip,
                            name,
                            "PNS",
                            position.replace(",", ""),
                            head ? "IV/b" : "III/" + "abcd".charAt(random.nextInt(4)),
                            unit.code(),
                            head ? "" : heads.get(unit.code()),
                            String.valueOf(1 + random.nextInt(9)),
                            faceToFace ? "ya" : "tidak",
                            random.nextInt(10) < 8 ? "ya" : "tidak",
                            random.nextInt(10) < 7 ? "ya" : "tidak"))
                    .append('\n');
            heads.putIfAbsent(unit.code(), nip);
        }
        return csv.toString();
    }

    private static List<String[]> officeRows(String dataset) {
        List<String[]> rows = new ArrayList<>();
        for (Spreadsheet.Line line : sheet("demo/offices.csv").lines()) {
            if (dataset.equals(line.get("tenant"))) {
                rows.add(new String[] {
                    line.get("tenant"),
                    line.get("name"),
                    line.get("latitude"),
                    line.get("longitude"),
                    line.get("radius_metres"),
                    line.get("unit_codes")
                });
            }
        }
        return rows;
    }

    private static void check(EmployeeImport.Report report) {
        if (!report.imported()) {
            throw new IllegalStateException("Demo data does not import: " + report.problems());
        }
    }

    private static Spreadsheet sheet(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return Spreadsheet.read(in, resource.toLowerCase(Locale.ROOT));
        } catch (IOException e) {
            throw new IllegalStateException("Missing demo data " + resource, e);
        }
    }

    private static Spreadsheet csv(String text) {
        try {
            return Spreadsheet.read(
                    new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "demo.csv");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
