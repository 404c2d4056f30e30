package io.farmhub.farm;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The normal forms of domain.md's identities. A key is normalised first; one still not in normal form is
 * a {@code MALFORMED} rejection, never a new stream.
 */
public final class Identities {

    private static final Pattern EAR_TAG = Pattern.compile("[A-Z]{2}[0-9]{6,14}");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
    private static final Pattern CHASSIS_NUMBER = Pattern.compile("[A-HJ-NPR-Z0-9]{6,17}");

    private Identities() {
    }

    /** {@code IE1234567 0012} → {@code IE12345670012}: upper case, spaces and dashes removed. */
    public static String earTag(String raw) {
        return raw == null ? null : raw.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
    }

    public static boolean isEarTag(String normalised) {
        return normalised != null && EAR_TAG.matcher(normalised).matches();
    }

    /** Field and barn codes: trimmed, lower case. */
    public static String slug(String raw) {
        return raw == null ? null : raw.trim().toLowerCase(Locale.ROOT);
    }

    public static boolean isSlug(String normalised) {
        return normalised != null && SLUG.matcher(normalised).matches();
    }

    /** Chassis numbers: upper case, spaces and dashes removed. */
    public static String chassisNumber(String raw) {
        return raw == null ? null : raw.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
    }

    public static boolean isChassisNumber(String normalised) {
        return normalised != null && CHASSIS_NUMBER.matcher(normalised).matches();
    }
}
