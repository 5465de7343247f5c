package dev.rulec.ir.match;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** An IPv4 or IPv6 CIDR block, and a strict IP parser that never resolves host names. */
final class IpBlock {
    private final byte[] network;
    private final int prefix;

    private IpBlock(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    /** Parses {@code addr/prefix}; a bare address is a block of one. */
    static Optional<IpBlock> parse(String cidr) {
        int slash = cidr.indexOf('/');
        Optional<byte[]> addr = parseIp(slash < 0 ? cidr : cidr.substring(0, slash));
        if (addr.isEmpty()) {
            return Optional.empty();
        }
        int bits = addr.get().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String p = cidr.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            prefix = Integer.parseInt(p);
            if (prefix > bits) {
                return Optional.empty();
            }
        }
        return Optional.of(new IpBlock(addr.get(), prefix));
    }

    boolean contains(String ip) {
        Optional<byte[]> a = parseIp(ip);
        if (a.isEmpty() || a.get().length != network.length) {
            return false;
        }
        byte[] b = a.get();
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (b[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (b[full] & mask) == (network[full] & mask);
    }

    /** IPv4 as 4 bytes (also when written as IPv4-mapped IPv6, as Elasticsearch stores it), IPv6 as 16. */
    static Optional<byte[]> parseIp(String s) {
        if (s.indexOf(':') < 0) {
            return parseV4(s);
        }
        if (s.indexOf('%') >= 0 || s.indexOf('[') >= 0 || !s.chars().allMatch(c -> c == ':' || c == '.'
                || Character.digit(c, 16) >= 0)) {
            return Optional.empty();
        }
        try {
            // A string containing ':' is only ever parsed as an IPv6 literal, never looked up.
            return Optional.of(InetAddress.getByName(s).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Optional<byte[]> parseV4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Optional.empty();
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                return Optional.empty();
            }
            out[i] = (byte) v;
        }
        return Optional.of(out);
    }
}
