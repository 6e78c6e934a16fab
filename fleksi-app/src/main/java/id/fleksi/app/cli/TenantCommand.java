package id.fleksi.app.cli;

import id.fleksi.platform.migration.PlatformSchema;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.tenancy.TenantStatus;
import id.fleksi.provisioning.bundle.TenantHandover;
import id.fleksi.provisioning.lifecycle.TenantLifecycle;
import id.fleksi.provisioning.onboarding.NewTenant;
import id.fleksi.provisioning.onboarding.Onboarded;
import id.fleksi.provisioning.onboarding.OnboardingFailedException;
import id.fleksi.provisioning.onboarding.TenantOnboarding;
import jakarta.validation.Validator;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fleksi tenant create|list|show|suspend|resume|archive}, and the bundle commands ({@link BundleCommands}). Exit
 * code 2: refused, with the reason.
 */
@Command(
        name = "tenant",
        mixinStandardHelpOptions = true,
        description = "Onboard, manage and move pemda (tenants).",
        subcommands = {
            TenantCommand.Create.class,
            BundleCommands.Export.class,
            BundleCommands.Import.class,
            BundleCommands.Key.class,
            BundleCommands.Handover.class,
            BundleCommands.Cancel.class,
            BundleCommands.Confirm.class
        })
class TenantCommand {

    private static final String ROW = "%-14s %-10s %-10s %-8s %-5s %s%n";

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List tenants.")
    int list() {
        return guarded(context -> {
            System.out.printf(ROW, "CODE", "KIND", "STATUS", "REGION", "TZ", "NAME");
            context.getBean(TenantRegistry.class).list().forEach(TenantCommand::print);
            return 0;
        });
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one tenant.")
    int show(@Parameters(paramLabel = "CODE") String code) {
        return guarded(context -> {
            Tenant t = context.getBean(TenantRegistry.class).require(TenantRegistry.codeInPath(code));
            print(t);
            System.out.printf(
                    "schema %s, realm %s, hosting %s, migration %s (%d change sets)%s%ncreated %s, updated %s%n",
                    t.schemaName(),
                    t.realm(),
                    t.hosting(),
                    t.migrationState(),
                    t.appliedChangeSets(),
                    t.migrationError() == null ? "" : ": " + t.migrationError(),
                    t.createdAt(),
                    t.updatedAt());
            if (t.status() == TenantStatus.HANDING_OVER || t.status() == TenantStatus.HANDED_OVER) {
                context.getBean(TenantHandover.class)
                        .handover(t.code())
                        .ifPresent(h -> System.out.printf(
                                "handed over to %s on %s, bundle SHA-256 %s; %s%n",
                                h.replicaUrl(),
                                h.startedAt(),
                                h.bundleSha256(),
                                switch (h.state()) {
                                    case DONE ->
                                        "confirmed by the kabupaten"
                                                + (h.finishedAt() == null ? "" : " on " + h.finishedAt());
                                    case RUNNING ->
                                        t.status() == TenantStatus.HANDED_OVER
                                                ? "waiting for the kabupaten's confirmation (tenant handover-confirm, or cancel)"
                                                : "the export is running";
                                    default -> h.state().name().toLowerCase();
                                }));
            }
            return 0;
        });
    }

    @Command(name = "suspend", mixinStandardHelpOptions = true, description = "Refuse a tenant's users; keep its data.")
    int suspend(@Parameters(paramLabel = "CODE") String code) {
        return lifecycle(code, TenantLifecycle::suspend);
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Serve a suspended tenant again.")
    int resume(@Parameters(paramLabel = "CODE") String code) {
        return lifecycle(code, TenantLifecycle::resume);
    }

    @Command(
            name = "archive",
            mixinStandardHelpOptions = true,
            description = "Keep a tenant's data but remove all access (disables its realm).")
    int archive(@Parameters(paramLabel = "CODE") String code) {
        return lifecycle(code, TenantLifecycle::archive);
    }

    private static int lifecycle(
            String code, java.util.function.BiFunction<TenantLifecycle, TenantCode, Tenant> change) {
        return guarded(context ->
                print(change.apply(context.getBean(TenantLifecycle.class), TenantRegistry.codeInPath(code))));
    }

    static int print(Tenant tenant) {
        System.out.printf(
                ROW,
                tenant.code(),
                tenant.kind(),
                tenant.status(),
                tenant.regionCode(),
                tenant.timeZone(),
                tenant.name() + (tenant.parent() == null ? "" : " (in " + tenant.parent() + ")"));
        return 0;
    }

    /** Runs a command on a migrated platform schema; a refusal is printed as its person-readable reason. */
    static int guarded(Function<ConfigurableApplicationContext, Integer> command) {
        return FleksiCli.withContext(context -> {
            context.getBean(PlatformSchema.class).migrate();
            try {
                return command.apply(context);
            } catch (Problem e) {
                System.err.println(e.title() + ": " + e.getMessage());
                return 2;
            } catch (IllegalArgumentException | OnboardingFailedException e) {
                System.err.println(e.getMessage());
                return 2;
            }
        });
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = "Onboard a pemda: registry row, realm with first admin, schema.")
    static class Create implements Callable<Integer> {
        @Option(names = "--code", required = true, description = "e.g. mateng")
        String code;

        @Option(names = "--name", required = true, description = "e.g. \"Kabupaten Mamuju Tengah\"")
        String name;

        @Option(names = "--kind", required = true, description = "PROVINCE, KABUPATEN or KOTA")
        TenantKind kind;

        @Option(names = "--parent", description = "the hosting province, e.g. sulbar")
        String parent;

        @Option(names = "--region", required = true, description = "Kemendagri region code, e.g. 76.06")
        String region;

        @Option(names = "--tz", defaultValue = "WITA", description = "WIB, WITA or WIT (default ${DEFAULT-VALUE})")
        RegionTimeZone timeZone;

        @Override
        public Integer call() {
            return guarded(context -> {
                NewTenant request = new NewTenant(code, name, kind, parent, region, timeZone);
                var violations = context.getBean(Validator.class).validate(request);
                if (!violations.isEmpty()) {
                    violations.forEach(v -> System.err.println(v.getPropertyPath() + " " + v.getMessage()));
                    return 2;
                }
                Onboarded onboarded = context.getBean(TenantOnboarding.class).onboard(request);
                print(onboarded.tenant());
                System.out.printf(
                        "onboarded in %d ms %s%nfirst admin: %s  one-time password: %s (shown once)%n",
                        onboarded.timings().get("total").toMillis(),
                        onboarded.timings(),
                        onboarded.adminUsername(),
                        onboarded.oneTimePassword());
                return 0;
            });
        }
    }
}
