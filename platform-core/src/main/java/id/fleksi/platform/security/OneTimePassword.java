package id.fleksi.platform.security;

import java.security.SecureRandom;

/**
 * A password handed over once (to a new tenant admin, to an employee at first login) and replaced by its
 * holder at first login. Letters and digits that cannot be mistaken for each other when read aloud or copied
 * from paper (no 0/O, 1/l/I).
 */
public final class OneTimePassword {

    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private OneTimePassword() {}

    public static String generate(int length) {
        StringBuilder password = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
