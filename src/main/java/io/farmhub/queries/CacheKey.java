package io.farmhub.queries;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;

/**
 * The cache key of a question: the SHA-256 (hex) of the query's name and its canonical parameters, written
 * {@code herd-register?asOf=2026-11-27}. The canonical form has every default filled in and every key
 * normalised, so two spellings of one question ({@code IE1234567 0012} and {@code IE12345670012}, no asOf and
 * today's asOf) share one key, and the default asOf being today means yesterday's answer is never served today.
 */
final class CacheKey {

    private CacheKey() {
    }

    static String of(String query, SortedMap<String, String> canonical) {
        StringBuilder text = new StringBuilder(query).append('?');
        boolean first = true;
        for (Map.Entry<String, String> p : canonical.entrySet()) {
            if (!first) {
                text.append('&');
            }
            // Names and values are escaped as in a URL so that '&' or '=' inside a value cannot forge another key.
            text.append(escape(p.getKey())).append('=').append(escape(p.getValue()));
            first = false;
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String escape(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
