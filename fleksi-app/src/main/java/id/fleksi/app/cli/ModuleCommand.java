package id.fleksi.app.cli;

import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.tenancy.TenantRegistry;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fleksi module list|enable|disable --tenant CODE [ID]}: a tenant's feature modules, as its admin sees them. */
@Command(name = "module", mixinStandardHelpOptions = true, description = "Switch a tenant's feature modules.")
class ModuleCommand {

    private static final String ROW = "%-16s %-8s %-8s %-20s %s%n";

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the feature modules of a tenant.")
    int list(@Option(names = "--tenant", required = true) String tenant) {
        return TenantCommand.guarded(context -> {
            System.out.printf(ROW, "MODULE", "ON", "ALLOWED", "NEEDS", "SETTINGS");
            context.getBean(ModuleSwitches.class)
                    .states(TenantRegistry.codeInPath(tenant))
                    .forEach(state -> System.out.printf(
                            ROW,
                            state.module().id(),
                            state.enabled() ? "yes" : "no",
                            state.allowed() ? "yes" : "no",
                            String.join(",", state.module().dependsOn()),
                            state.settings()));
            return 0;
        });
    }

    @Command(
            name = "enable",
            mixinStandardHelpOptions = true,
            description = "Switch a module on for a tenant (the modules it needs must be on).")
    int enable(@Option(names = "--tenant", required = true) String tenant, @Parameters(paramLabel = "ID") String id) {
        return change(tenant, id, true);
    }

    @Command(
            name = "disable",
            mixinStandardHelpOptions = true,
            description = "Switch a module off for a tenant; its data is kept.")
    int disable(@Option(names = "--tenant", required = true) String tenant, @Parameters(paramLabel = "ID") String id) {
        return change(tenant, id, false);
    }

    private static int change(String tenant, String id, boolean enabled) {
        return TenantCommand.guarded(context -> {
            var state = context.getBean(ModuleSwitches.class)
                    .change(
                            TenantRegistry.codeInPath(tenant),
                            id,
                            enabled,
                            null,
                            "cli:" + System.getProperty("user.name"));
            System.out.printf(
                    "%s: %s is %s%n", tenant, state.module().name().in(Locale.ENGLISH), state.enabled() ? "on" : "off");
            return 0;
        });
    }
}
