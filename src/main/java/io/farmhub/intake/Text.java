package io.farmhub.intake;

/**
 * How text a user sent is echoed back in a rejection message: shortened, so a 4 MiB cell does not become a
 * 4 MiB message, and with control characters made visible, so a message is always one readable line.
 */
final class Text {

    static final int ECHO_LIMIT = 60;

    private Text() {
    }

    static String shorten(String value) {
        boolean cut = value.length() > ECHO_LIMIT;
        return encodeControls(cut ? value.substring(0, ECHO_LIMIT) : value) + (cut ? "…" : "");
    }

    static String encodeControls(String value) {
        StringBuilder out = new StringBuilder(Math.min(value.length(), 1024));
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                out.append('%').append(String.format("%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code 65536} → {@code 65,536}: numbers in messages are read by people. */
    static String count(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }
}
