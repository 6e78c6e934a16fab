package id.fleksi.app.cli;

import id.fleksi.platform.security.IdentityProperties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fleksi platform init}: on a production instance, the platform realm with its first operator (what
 * {@code fleksi up --no-demo} makes on a laptop), once; the operator's one-time password is printed once and Keycloak
 * asks for a new one at first login.
 */
@Command(
        name = "platform",
        mixinStandardHelpOptions = true,
        description = "The platform operators' own realm.",
        subcommands = PlatformCommand.Init.class)
class PlatformCommand {

    @Command(
            name = "init",
            mixinStandardHelpOptions = true,
            description = "Make the platform realm with a first operator (once); prints the one-time password.")
    static class Init implements Callable<Integer> {

        @Option(
                names = "--operator",
                defaultValue = "operator",
                description = "The first operator's username (default: ${DEFAULT-VALUE}).")
        String operator;

        @Override
        public Integer call() {
            return FleksiCli.withContext(context -> {
                String realm = context.getBean(IdentityProperties.class).platformRealm();
                String password = UpCommand.platformOperator(context, operator);
                if (password == null) {
                    System.out.println(
                            "The platform realm '" + realm + "' is there already; its operators keep their passwords.");
                    return 0;
                }
                System.out.println(
                        "Platform realm '" + realm + "' made. First operator: " + operator + ", one-time password "
                                + password + " (shown once; Keycloak asks for a new one at first login).");
                return 0;
            });
        }
    }
}
