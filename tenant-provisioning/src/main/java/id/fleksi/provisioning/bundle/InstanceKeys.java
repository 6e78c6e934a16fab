package id.fleksi.provisioning.bundle;

import java.security.KeyPair;
import java.security.PublicKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The key pair this Fleksi instance signs its tenant bundles with (Ed25519), kept in {@code platform.instance_key} so
 * every replica of the instance signs with the same one. Made on first use; the operator passes the public key
 * ({@code fleksi tenant key}) to whoever imports the bundles, out of band.
 */
@Component
public class InstanceKeys {

    private static final String PURPOSE = "bundle-signing";

    private final JdbcClient jdbc;

    public InstanceKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public KeyPair signingKey() {
        KeyPair stored = stored();
        if (stored != null) {
            return stored;
        }
        KeyPair fresh = BundleSignatures.generate();
        // Two replicas making one at once: the first insert wins and both use it.
        jdbc.sql("""
                insert into platform.instance_key (purpose, algorithm, public_key, private_key, created_at)
                values (?, 'Ed25519', ?, ?, now()) on conflict do nothing""")
                .param(PURPOSE)
                .param(fresh.getPublic().getEncoded())
                .param(fresh.getPrivate().getEncoded())
                .update();
        return stored();
    }

    public PublicKey publicKey() {
        return signingKey().getPublic();
    }

    private KeyPair stored() {
        return jdbc.sql("select public_key, private_key from platform.instance_key where purpose = ?")
                .param(PURPOSE)
                .query((rs, row) -> new KeyPair(
                        BundleSignatures.publicKey(rs.getBytes(1)), BundleSignatures.privateKey(rs.getBytes(2))))
                .optional()
                .orElse(null);
    }
}
