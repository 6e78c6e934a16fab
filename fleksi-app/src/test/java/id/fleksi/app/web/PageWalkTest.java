package id.fleksi.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.modules.monitoring.MonitoringModule;
import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.web.PageController;
import id.fleksi.provisioning.lifecycle.TenantLifecycle;
import id.fleksi.provisioning.testing.TestRealms;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page of every module, found from the request mappings of the page controllers (a new page is walked without
 * being listed here), opened as each role: ASN, supervisor, tenant admin, BKD, leader (pimpinan) and the platform operator;
 * then with a module switched off, as a user of a suspended tenant, at addresses nothing serves and of a tenant that does
 * not exist, logged in and not. Each answer is an HTML page in Indonesian, never JSON nor a template shown raw; a refusal
 * says why and where to go.
 */
class PageWalkTest extends PageTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    ModuleSwitches switches;

    @Autowired
    TenantLifecycle lifecycle;

    @Test
    void everyPageAsEveryRoleIsAnIndonesianPageWhateverGoesWrong() throws Exception {
        String code = onboard("jelajah", "Kabupaten Jelajah");
        TenantCode tenant = TenantCode.of(code);
        switches.change(tenant, "fwa", true, Map.of(), "test");
        UUID unit = UUID.randomUUID();
        jdbc.sql("insert into " + tenant.schemaName()
                        + ".org_unit (id, code, name, kind) values (?, 'BKD', 'BKD', 'BADAN')")
                .param(unit)
                .update();
        UUID boss = employee(code, "atasan", "Andi Atasan", unit, null, Role.ATASAN, Role.ASN);
        employee(code, "asn", "Siti Aparatur", unit, boss, Role.ASN);
        employee(code, "bkd", "Budi Kepegawaian", unit, null, Role.BKD, Role.ASN);
        employee(code, "pimpinan", "Bupati Jelajah", unit, null, Role.ASN);
        TestRealms.admin()
                .realm(code)
                .users()
                .searchByUsername("pimpinan", true)
                .forEach(user -> TestRealms.admin()
                        .realm(code)
                        .users()
                        .get(user.getId())
                        .roles()
                        .realmLevel()
                        .add(List.of(TestRealms.admin()
                                .realm(code)
                                .roles()
                                .get(MonitoringModule.LEADER)
                                .toRepresentation())));
        TestRealms.addUser(realmUsers, code, "boss", Role.TENANT_ADMIN);
        platformOperator();

        Set<String> routes = pageRoutes();
        assertThat(routes)
                .as("page routes found from the page controllers")
                .contains(
                        "/",
                        "/t/{code}/attendance/",
                        "/t/{code}/attendance/team-recap",
                        "/t/{code}/admin/modules",
                        "/t/{code}/monitoring/province",
                        "/platform/");
        List<String> faults = new ArrayList<>();
        int walked = 0;
        // Every page as every role, the platform's console included, and the operator at the pemda's pages (not
        // theirs).
        for (String user : List.of("asn", "atasan", "boss", "bkd", "pimpinan", "operator")) {
            PageVisitor visitor =
                    PageVisitor.loggedIn(BASE, user.equals("operator") ? "/platform/" : "/t/" + code + "/", user);
            for (String route : routes) {
                walked++;
                faults.addAll(visitor.check(fill(route, code), user));
            }
        }

        PageVisitor admin = PageVisitor.loggedIn(BASE, "/t/" + code + "/", "boss");
        PageVisitor asn = PageVisitor.loggedIn(BASE, "/t/" + code + "/", "asn");
        PageVisitor atasan = PageVisitor.loggedIn(BASE, "/t/" + code + "/", "atasan");
        PageVisitor.Page notEmployee = admin.open("/t/" + code + "/attendance/");
        assertThat(notEmployee.status()).isEqualTo(403);
        assertThat(notEmployee.text("problem-detail"))
                .isEqualTo("Akun Anda bukan pegawai aktif pemda ini, jadi tidak punya"
                        + " presensi. Jika Anda pegawai di sini, minta BKD menautkan akun Anda ke data pegawai.");
        assertThat(notEmployee.body()).contains("href=\"/t/" + code + "/\"");
        PageVisitor.Page recap = asn.open("/t/" + code + "/attendance/team-recap");
        assertThat(recap.status()).isEqualTo(403);
        assertThat(recap.text("problem-title")).isEqualTo("403 · Tidak diizinkan");
        assertThat(recap.text("problem-detail")).isEqualTo("Hanya atasan yang melihat rekap timnya.");
        PageVisitor.Page nothing = admin.open("/t/" + code + "/nosuchpage");
        assertThat(nothing.status()).isEqualTo(404);
        assertThat(nothing.text("problem-detail"))
                .isEqualTo(
                        "Tidak ada halaman di alamat ini. Periksa alamatnya, atau mulai" + " dari beranda pemda Anda.");
        PageVisitor.Page notADate = asn.open("/t/" + code + "/attendance/history?month=kemarin");
        assertThat(notADate.status()).isEqualTo(400);
        assertThat(notADate.text("problem-title")).isEqualTo("400 · Alamat tidak dimengerti");
        for (String path :
                List.of("/t/nosuch/", "/t/nosuch/attendance/", "/t/" + code + "/attendance/nosuch", "/nosuch.css")) {
            faults.addAll(admin.check(path, "admin"));
            faults.addAll(PageVisitor.anonymous(BASE).check(path, "anonymous"));
        }
        assertThat(admin.open("/t/nosuch/").text("problem-title")).isEqualTo("404 · Pemda tidak dikenal");
        assertThat(PageVisitor.anonymous(BASE).open("/t/nosuch/").text("problem-detail"))
                .isEqualTo("Tidak ada pemda nosuch di Fleksi ini.");

        // A module switched off: its every page says so, and who can switch it on.
        switches.change(tenant, "fwa", false, Map.of(), "test");
        for (String route : routes) {
            if (route.startsWith("/t/{code}/fwa")) {
                for (PageVisitor visitor : List.of(asn, admin)) {
                    PageVisitor.Page off = visitor.open(fill(route, code));
                    faults.addAll(visitor.check(fill(route, code), "fwa off"));
                    assertThat(off.status()).isEqualTo(404);
                    assertThat(off.text("problem-detail"))
                            .isEqualTo(
                                    "Modul Kerja fleksibel (FWA) sedang dimatikan untuk pemda ini;"
                                            + " datanya tetap disimpan. Admin pemda Anda dapat menyalakannya kembali di halaman Modul.");
                }
            }
        }

        // A suspended tenant: those logged in and those not read why, and whom to ask.
        lifecycle.suspend(tenant);
        for (String route : routes) {
            if (route.startsWith("/t/")) {
                faults.addAll(atasan.check(fill(route, code), "atasan of a suspended tenant"));
                faults.addAll(PageVisitor.anonymous(BASE).check(fill(route, code), "anonymous, suspended tenant"));
            }
        }
        PageVisitor.Page suspended = atasan.open("/t/" + code + "/attendance/");
        assertThat(suspended.status()).isEqualTo(403);
        assertThat(suspended.text("problem-detail"))
                .isEqualTo("Pemda " + code + " dihentikan sementara oleh operator platform;"
                        + " datanya tetap disimpan. Minta Diskominfo Anda mengaktifkannya kembali.");
        assertThat(PageVisitor.anonymous(BASE)
                        .open("/t/" + code + "/attendance/")
                        .text("problem-title"))
                .isEqualTo("403 · Pemda dihentikan sementara");
        lifecycle.resume(tenant);

        assertThat(walked).as("pages walked").isGreaterThan(100);
        assertThat(faults).isEmpty();
    }

    /** The GET addresses of every page controller that answer a page (not a file, not a stream). */
    private Set<String> pageRoutes() {
        Set<String> routes = new TreeSet<>();
        context.getBeansOfType(RequestMappingHandlerMapping.class)
                .values()
                .forEach(mapping -> mapping.getHandlerMethods().forEach((info, method) -> {
                    Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                    boolean page = AnnotatedElementUtils.hasAnnotation(method.getBeanType(), PageController.class)
                            && (methods.isEmpty() || methods.contains(RequestMethod.GET))
                            && info.getProducesCondition().getProducibleMediaTypes().stream()
                                    .allMatch(type -> type.includes(org.springframework.http.MediaType.TEXT_HTML));
                    if (page) {
                        info.getPatternValues().stream()
                                .filter(path -> !path.matches(".*\\.[a-z]+$"))
                                .forEach(routes::add);
                    }
                }));
        return routes;
    }

    private static String fill(String route, String code) {
        return route.replace("{code}", code)
                .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }
}
