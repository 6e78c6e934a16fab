package id.fleksi.dev.bench;

import id.fleksi.app.cli.FleksiCli;
import id.fleksi.devstack.KeycloakServer;
import id.fleksi.devstack.PostgresServer;
import id.fleksi.platform.migration.PlatformSchema;
import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.provisioning.onboarding.NewTenant;
import id.fleksi.provisioning.onboarding.Onboarded;
import id.fleksi.provisioning.onboarding.TenantOnboarding;
import id.fleksi.provisioning.realm.RealmProvisioner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fleksi bench-realms}: what hundreds of tenant realms do to Keycloak (issue 21). Runs a Keycloak of its own through
 * the devstack's launcher (its own port and database, so no other Keycloak fills up), fills it with tenant realms as
 * onboarding makes them up to each level, and there times new tenants' whole onboarding ({@link TenantOnboarding}), a token
 * issued and checked as Fleksi checks it, the login page as a browser fetches it, and Keycloak's restart. Removes what it made: the Keycloak
 * database it started on, or, on a Keycloak it found running, the realms.
 */
@Command(name = "bench-realms", hidden = true, description = "Keycloak with many realms (see docs/benchmarks.md).")
class RealmsBenchCommand implements Callable<Integer> {

    /** Of the bench's tenant codes, in this run or a kept earlier one: their realms have Fleksi's web client. */
    static final String PREFIX = "rb";

    @Option(names = "--levels", split = ",", defaultValue = "50,300,600", description = "realms at which to measure")
    List<Integer> levels;

    @Option(
            names = "--onboardings",
            defaultValue = "10",
            description = "timed onboardings per level (the last realms of it)")
    int onboardings;

    @Option(names = "--samples", defaultValue = "20", description = "token checks and login pages per level")
    int samples;

    @Option(names = "--fill-threads", defaultValue = "4", description = "realms made at once while filling")
    int fillThreads;

    @Option(names = "--keycloak-port", defaultValue = "8183")
    int keycloakPort;

    @Option(names = "--keycloak-database", defaultValue = "fleksi_keycloak_realms")
    String keycloakDatabase;

    @Option(
            names = "--reuse-database",
            description =
                    "start Keycloak on its database as it is (say, a copy of an earlier"
                            + " fill, to compare Keycloak's settings on the same realms) and leave it there; default: an empty one, dropped at the end")
    boolean reuseDatabase;

    @Override
    public Integer call() {
        PostgresServer postgres = PostgresServer.locate("FLEKSI_DB_URL", "fleksi");
        KeycloakServer keycloak =
                new KeycloakServer(KeycloakServer.defaultHome(), keycloakPort, postgres, keycloakDatabase);
        boolean ours = !keycloak.answers();
        if (ours && !reuseDatabase) {
            postgres.dropDatabase(keycloakDatabase); // the bench's own: no realms of an earlier run
        }
        long started = System.nanoTime();
        keycloak.start(Duration.ofMinutes(10));
        System.out.printf(
                "keycloak: %s on %s, database %s, %s%n",
                KeycloakServer.defaultHome().getFileName(),
                keycloak.url(),
                keycloakDatabase,
                !ours
                        ? "found running (reused)"
                        : "first start on " + (reuseDatabase ? "the database as it was " : "an empty database ")
                                + Timings.millisSince(started) + " ms");
        System.setProperty("FLEKSI_KEYCLOAK_URL", keycloak.url());
        try {
            return FleksiCli.withContext(false, context -> measure(context, keycloak, ours));
        } finally {
            if (ours) {
                keycloak.stop();
                if (!reuseDatabase) {
                    postgres.dropDatabase(keycloakDatabase);
                }
            }
        }
    }

    private int measure(ConfigurableApplicationContext context, KeycloakServer keycloak, boolean ours) {
        context.getBean(PlatformSchema.class).migrate();
        TenantOnboarding onboarding = context.getBean(TenantOnboarding.class);
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 5);
        List<String> made = Collections.synchronizedList(new ArrayList<>());
        KeycloakProbes probes = new KeycloakProbes(context, samples);
        int realms = probes.realmNames(keycloak.url()).size();
        List<double[]> medians = new ArrayList<>(); // per level: whole onboarding, its realm part
        try {
            for (int level : levels) {
                int before = realms;
                long filling = System.nanoTime();
                realms += fill(onboarding, run, made, Math.max(0, level - onboardings - realms));
                System.out.printf(
                        "fill: %d tenant realms made in %d s (%d at a time)%n",
                        realms - before, Timings.millisSince(filling) / 1000, fillThreads);
                List<Double> onboarded = new ArrayList<>();
                List<Double> realmPart = new ArrayList<>();
                List<String> fresh = new ArrayList<>();
                for (int i = 0; i < onboardings; i++) {
                    Onboarded tenant = onboarding.onboard(tenant(run, made.size()));
                    made.add(tenant.tenant().code().value());
                    fresh.add(tenant.tenant().code().realmName());
                    onboarded.add(tenant.timings().get("total").toNanos() / 1e6);
                    realmPart.add(tenant.timings().get("realm").toNanos() / 1e6);
                }
                realms += onboardings;
                KeycloakProbes.Tokens tokens = probes.tokens(keycloak.url(), fresh);
                long listing = System.nanoTime();
                List<String> all = probes.realmNames(keycloak.url()).stream()
                        .filter(name -> name.startsWith(PREFIX))
                        .toList();
                long listMs = Timings.millisSince(listing);
                List<Double> pages = new ArrayList<>();
                List<Double> html = new ArrayList<>();
                probes.loginPages(keycloak.url(), all, html, pages);
                String restart = "-";
                List<Double> coldPages = new ArrayList<>(List.of(Double.NaN));
                if (ours) {
                    keycloak.stop();
                    long restarting = System.nanoTime();
                    keycloak.start(Duration.ofMinutes(10));
                    restart = Long.toString(Timings.millisSince(restarting));
                    coldPages.clear(); // every realm out of Keycloak's cache
                    probes.loginPages(keycloak.url(), all, new ArrayList<>(), coldPages);
                }
                double p50 = Timings.percentile(onboarded, 50);
                medians.add(new double[] {p50, Timings.percentile(realmPart, 50)});
                System.out.printf(
                        "realms=%d onboarding_ms p50=%.0f p95=%.0f (realm part p50=%.0f p95=%.0f) | token_issue_ms p50=%.0f"
                                + " p95=%.0f | token_check_ms p50=%.0f p95=%.0f | login_page_ms p50=%.0f p95=%.0f (html p50=%.0f p95=%.0f)"
                                + " | admin_realm_list_ms=%d (brief) | keycloak_restart_ms=%s, then login_page_ms p50=%.0f p95=%.0f%n",
                        realms,
                        p50,
                        Timings.percentile(onboarded, 95),
                        Timings.percentile(realmPart, 50),
                        Timings.percentile(realmPart, 95),
                        Timings.percentile(tokens.issued(), 50),
                        Timings.percentile(tokens.issued(), 95),
                        Timings.percentile(tokens.checked(), 50),
                        Timings.percentile(tokens.checked(), 95),
                        Timings.percentile(pages, 50),
                        Timings.percentile(pages, 95),
                        Timings.percentile(html, 50),
                        Timings.percentile(html, 95),
                        listMs,
                        restart,
                        Timings.percentile(coldPages, 50),
                        Timings.percentile(coldPages, 95));
            }
        } finally {
            if (!ours) { // someone else's Keycloak: take our realms out of it, one by one
                RealmProvisioner provisioner = context.getBean(RealmProvisioner.class);
                made.forEach(code -> provisioner.deleteRealm(TenantCode.of(code).realmName()));
            }
        }
        double[] first = medians.get(0);
        double[] last = medians.get(medians.size() - 1);
        // The realm part is Keycloak's; the schema part is PostgreSQL's, which the realms do not touch.
        System.out.printf(
                "onboarding_ratio=%.2f (whole onboarding, p50 at %d realms / at the first level)%n",
                last[0] / first[0], realms);
        System.out.printf("realm_ratio=%.2f%n", last[1] / first[1]);
        return 0;
    }

    /**
     * Makes {@code count} tenant realms, {@code fillThreads} at a time, exactly as onboarding makes them; without their
     * schemas and registry rows, which Keycloak never sees (a full onboarding took twice as long here).
     */
    private int fill(TenantOnboarding onboarding, String run, List<String> made, int count) {
        ExecutorService pool = Executors.newFixedThreadPool(fillThreads);
        List<Future<?>> futures = new ArrayList<>();
        int base = made.size();
        for (int i = 0; i < count; i++) {
            NewTenant tenant = tenant(run, base + i);
            futures.add(pool.submit(() -> {
                onboarding.createRealm(TenantCode.of(tenant.code()), tenant.name());
                made.add(tenant.code());
            }));
        }
        try {
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("filling Keycloak failed", e);
        } finally {
            pool.shutdown();
        }
        return count;
    }

    private static NewTenant tenant(String run, int i) {
        return new NewTenant(
                PREFIX + run + "_" + i,
                "Kabupaten Bench " + i,
                TenantKind.KABUPATEN,
                null,
                "76.06",
                RegionTimeZone.WITA);
    }
}
