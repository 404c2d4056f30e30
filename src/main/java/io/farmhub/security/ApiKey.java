package io.farmhub.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** API keys: only their SHA-256 is ever kept, and hashes are compared in constant time. */
public final class ApiKey {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKey() {
    }

    /** A new key: 256 random bits, URL-safe so it fits a header or a shell variable without quoting. */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static String sha256Hex(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    /** Parses a configured hash; empty-handed callers get a message that names the user, never the value. */
    public static byte[] parseSha256Hex(String hex, String user) {
        String normal = hex == null ? "" : hex.trim().toLowerCase(Locale.ROOT);
        if (!SHA256_HEX.matcher(normal).matches()) {
            throw new IllegalStateException("farmhub.security.users." + user
                    + ".api-key-sha256 must be the 64 hex digits of the key's SHA-256");
        }
        return HexFormat.of().parseHex(normal);
    }

    /** Constant time for equal lengths, so the time taken says nothing about how much of a hash matched. */
    public static boolean sameHash(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }
}
