package id.fleksi.app.web;

import id.fleksi.app.testing.AppIntegrationTest;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.provisioning.onboarding.NewTenant;
import id.fleksi.provisioning.onboarding.TenantOnboarding;
import id.fleksi.provisioning.realm.RealmProvisioner;
import id.fleksi.provisioning.realm.RealmUser;
import id.fleksi.provisioning.realm.RealmUsers;
import id.fleksi.provisioning.testing.TestRealms;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The shared application (see {@link AppIntegrationTest}) for tests that drive Debian's Chromium, with helpers to
 * onboard tenants and make employees who can log in. Tenants a test onboards are removed after it.
 */
abstract class PageTest extends AppIntegrationTest {

    @Autowired
    TenantOnboarding onboarding;

    @Autowired
    RealmProvisioner realms;

    @Autowired
    RealmUsers realmUsers;

    @Autowired
    JdbcClient jdbc;

    private final List<String> tenants = new ArrayList<>();

    /** Onboards a kabupaten with a unique code; removed after the test. */
    String onboard(String prefix, String name) {
        return onboard(prefix, name, TenantKind.KABUPATEN, null);
    }

    /** Onboards a pemda of this kind, under a province (or none); removed after the test. */
    String onboard(String prefix, String name, TenantKind kind, String parent) {
        String code = TestRealms.unique(prefix);
        tenants.add(code);
        onboarding.onboard(new NewTenant(
                code, name, kind, parent, kind == TenantKind.PROVINCE ? "76" : "76.06", RegionTimeZone.WITA));
        return code;
    }

    /** Remembers a tenant or realm made some other way, to remove after the test. */
    void removeAfter(String code) {
        tenants.add(code);
    }

    @AfterEach
    void removeTenants() {
        // The last made first: a kabupaten before the province it belongs to.
        java.util.Collections.reverse(tenants);
        tenants.forEach(code -> TestRealms.removeTenant(realms, jdbc, code));
        tenants.clear();
    }

    /** An employee of the tenant who can log in with {@link TestRealms#PASSWORD}; home recorded near Tobadak. */
    UUID employee(String code, String username, String name, UUID unit, UUID supervisor, Role... roles) {
        String realmUser = realmUsers.createUser(
                code, new RealmUser(username, name, null, TestRealms.PASSWORD, false, Set.of(roles)));
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into tenant_" + code
                        + ".employee (id, name, employment_type, unit_id, supervisor_id, status, username,"
                        + " realm_user_id, home_latitude, home_longitude, created_at, updated_at)"
                        + " values (?, ?, 'NON_ASN', ?, ?, 'ACTIVE', ?, ?, -1.74, 119.53, now(), now())")
                .params(id, name, unit, supervisor, username, realmUser)
                .update();
        return id;
    }

    /**
     * This run's platform realm with its operator ({@code operator}, {@link TestRealms#PASSWORD}), made by the first test
     * that asks and removed when the JVM ends.
     */
    void platformOperator() {
        synchronized (PageTest.class) {
            if (!realms.realmExists(PLATFORM)) {
                realms.createRealm(
                        PLATFORM,
                        "Platform",
                        true,
                        List.of(new RealmUser(
                                "operator",
                                "Op",
                                "Erator",
                                TestRealms.PASSWORD,
                                false,
                                Set.of(Role.PLATFORM_OPERATOR))));
                Runtime.getRuntime()
                        .addShutdownHook(new Thread(
                                () -> TestRealms.admin().realm(PLATFORM).remove()));
            }
        }
    }

    static void logIn(WebDriver browser, String url, String username, String password) {
        browser.get(url);
        Browser.waitFor(browser, By.id("username"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("kc-login")).click();
    }
}
