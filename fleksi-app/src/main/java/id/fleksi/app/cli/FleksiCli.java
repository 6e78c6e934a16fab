package id.fleksi.app.cli;

import id.fleksi.FleksiApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code fleksi} command for platform operators, in the spirit of Frappe's {@code bench}: verbs that
 * read like the job. Without a command, Fleksi just serves.
 */
@Command(
        name = "fleksi",
        mixinStandardHelpOptions = true,
        version = "Fleksi 0.1",
        description = "Run and operate Fleksi.",
        subcommands = {
            MigrateCommand.class,
            PlatformCommand.class,
            TenantCommand.class,
            ModuleCommand.class,
            ImportCommand.class
        })
public class FleksiCli {

    /** Keeps the JVM alive: the command started a server. */
    public static final int SERVING = -1;

    public static int run(String[] args) {
        if (args.length == 0) {
            FleksiApplication.application().run(args);
            return SERVING;
        }
        CommandLine cli = new CommandLine(new FleksiCli());
        DevelopmentMachine.present().ifPresent(machine -> machine.commands().forEach(cli::addSubcommand));
        return cli.setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    }

    /**
     * Runs an operator command inside a Fleksi context without a web server, against the configured services (or, on a
     * developer's machine, those {@link DevelopmentMachine} finds), with migrations on start-up off (the command decides).
     */
    public static int withContext(Function<ConfigurableApplicationContext, Integer> command) {
        return withContext(false, command);
    }

    /** As {@link #withContext(Function)}; with {@code startKeycloak}, starts Keycloak as {@code up} does. */
    public static int withContext(boolean startKeycloak, Function<ConfigurableApplicationContext, Integer> command) {
        CommandServices services = DevelopmentMachine.present()
                .map(machine -> machine.services(startKeycloak))
                .orElseGet(CommandServices::configured);
        List<String> properties = new ArrayList<>(services.properties());
        properties.addAll(List.of(
                "fleksi.tenancy.migrate-on-startup=false",
                "fleksi.jobs.enabled=false",
                "spring.main.banner-mode=off",
                "logging.level.root=WARN"));
        try (ConfigurableApplicationContext context =
                FleksiApplication.application().web(WebApplicationType.NONE).run(asArguments(properties))) {
            return command.apply(context);
        } finally {
            services.stop();
        }
    }

    /** As command-line arguments, which outrank application.yaml (builder "properties" would not). */
    public static String[] asArguments(List<String> properties) {
        return properties.stream().map(property -> "--" + property).toArray(String[]::new);
    }
}
