package dev.rulec.source.sigma.detection;

import dev.rulec.diag.SourcePos;
import dev.rulec.source.sigma.SigmaException;

/** CIDR notation checks for the {@code cidr} modifier: an IPv4 or IPv6 address, a slash, a prefix length. */
final class Cidrs {
    private static final java.util.regex.Pattern V4 =
            java.util.regex.Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final java.util.regex.Pattern V6 = java.util.regex.Pattern.compile("[0-9A-Fa-f:.]+");

    private Cidrs() {
    }

    /** The block as written (with {@code /32} or {@code /128} added to a bare address), or an error. */
    static String validate(String text, SourcePos pos) throws SigmaException {
        String s = text.trim();
        int slash = s.indexOf('/');
        String addr = slash < 0 ? s : s.substring(0, slash);
        boolean v6 = addr.contains(":");
        int max = v6 ? 128 : 32;
        int prefix = max;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw bad(text, pos, "the prefix length is not a number");
            }
        }
        if (prefix < 0 || prefix > max) {
            throw bad(text, pos, "the prefix length must be 0 to " + max);
        }
        if (v6) {
            if (!V6.matcher(addr).matches() || !isIpv6(addr)) {
                throw bad(text, pos, "not an IPv6 address");
            }
        } else {
            java.util.regex.Matcher m = V4.matcher(addr);
            if (!m.matches()) {
                throw bad(text, pos, "not an IPv4 address");
            }
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(m.group(i)) > 255) {
                    throw bad(text, pos, "an IPv4 octet is above 255");
                }
            }
        }
        return addr + "/" + prefix;
    }

    private static boolean isIpv6(String addr) {
        try {
            // Only literal addresses reach here (hex digits, colons, dots), so no name lookup can happen.
            return java.net.InetAddress.getByName("[" + addr + "]") instanceof java.net.Inet6Address
                    || addr.contains("::ffff:");
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static SigmaException bad(String text, SourcePos pos, String why) {
        return new SigmaException("sigma.invalid-cidr", pos, "[" + text + "] is not a CIDR block: " + why);
    }
}
