package id.fleksi.platform.security;

import java.util.function.Predicate;

/**
 * The characters Spring Security's {@code StrictHttpFirewall} allows in header names and values, checked by a loop
 * instead of its regular expressions ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, and the same with a tab allowed in
 * values). The same rule: every code point assigned in Unicode and not a control character. Matching the expression over
 * every request's headers, a kilobyte-long bearer token among them, was about a twentieth of a check-in's CPU in the JVM.
 */
final class HeaderCharacters {

    /** Allowed in a header name (and a parameter name). */
    static final Predicate<String> NAME = value -> allowed(value, false);

    /** Allowed in a header value: as a name, and a tab. */
    static final Predicate<String> VALUE = value -> allowed(value, true);

    private HeaderCharacters() {}

    static boolean allowed(String value, boolean tab) {
        for (int at = 0; at < value.length(); ) {
            char c = value.charAt(at);
            if (c >= 0x20 && c < 0x7f) { // printable ASCII, nearly every character of a request's headers
                at++;
                continue;
            }
            int point = value.codePointAt(at);
            int type = Character.getType(point);
            if (type == Character.UNASSIGNED || type == Character.CONTROL && !(tab && point == '\t')) {
                return false;
            }
            at += Character.charCount(point);
        }
        return true;
    }
}
