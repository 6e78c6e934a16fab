package id.fleksi.app.cli;

import id.fleksi.platform.security.IdentityProperties;
import id.fleksi.platform.security.OneTimePassword;
import id.fleksi.platform.security.Role;
import id.fleksi.provisioning.realm.RealmProvisioner;
import id.fleksi.provisioning.realm.RealmUser;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
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
public class PlatformCommand {

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
                String password = platformOperator(context, operator);
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

    /**
     * Makes the platform realm with the operator {@code username} whose one-time password is returned (Keycloak asks for a new
     * one at first login); null when the realm is there already, whose operators keep their passwords.
     */
    public static String platformOperator(ConfigurableApplicationContext context, String username) {
        RealmProvisioner realms = context.getBean(RealmProvisioner.class);
        String realm = context.getBean(IdentityProperties.class).platformRealm();
        if (realms.realmExists(realm)) {
            return null;
        }
        String password = OneTimePassword.generate(16);
        realms.createRealm(
                realm,
                "Fleksi Platform",
                true,
                List.of(new RealmUser(
                        username, "Platform", "Operator", password, true, Set.of(Role.PLATFORM_OPERATOR))));
        return password;
    }
}
