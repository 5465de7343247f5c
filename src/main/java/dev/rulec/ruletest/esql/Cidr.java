package dev.rulec.ruletest.esql;

import java.net.InetAddress;

/** CIDR block membership for CIDR_MATCH; IPv4 addresses are compared in their IPv4-mapped IPv6 form. */
final class Cidr {
    private Cidr() {
    }

    static boolean contains(String block, InetAddress ip) {
        int slash = block.indexOf('/');
        String addr = slash < 0 ? block : block.substring(0, slash);
        InetAddress net = EsqlValues.parseIp(addr)
                .orElseThrow(() -> new EsqlRuntimeException("[" + block + "] is not a CIDR block"));
        int bits = net.getAddress().length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(block.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new EsqlRuntimeException("[" + block + "] is not a CIDR block");
        }
        if (prefix < 0 || prefix > bits) {
            throw new EsqlRuntimeException("[" + block + "] is not a CIDR block");
        }
        if (net.getAddress().length == 4) {
            prefix += 96;
        }
        byte[] a = EsqlValues.v6(net.getAddress());
        byte[] b = EsqlValues.v6(ip.getAddress());
        for (int i = 0; i < prefix; i++) {
            int mask = 0x80 >>> (i % 8);
            if ((a[i / 8] & mask) != (b[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }
}
