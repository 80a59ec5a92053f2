package tradetalk.ingest.feed;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The one rule for which addresses are internal (loopback, private, link-local, carrier-grade NAT, unspecified,
 * multicast), applied also to the IPv4 address that an IPv6 address carries inside it (IPv4-mapped and
 * -translated, IPv4-compatible, NAT64, 6to4, Teredo): on a host with such a gateway those reach the IPv4 network,
 * 169.254.169.254 included. Also reads the numeric host forms that C resolvers and browsers accept but
 * {@link java.net.URI} does not recognise as an address ({@code 0xA9FEA9FE}, {@code 127.1}, octal parts).
 */
final class PublicAddresses {

    private PublicAddresses() {
        throw new AssertionError("static rules only");
    }

    /** Why {@code a} is not a public address (e.g. "link-local address 169.254.169.254"), or null when it is. */
    static String nonPublic(InetAddress a) {
        String own = ownKind(a);
        if (own != null) {
            return own + " address " + a.getHostAddress();
        }
        byte[] b = a.getAddress();
        if (b.length != 16) {
            return null;
        }
        for (Embedding e : Embedding.values()) {
            byte[] v4 = e.ipv4(b);
            if (v4 == null) {
                continue;
            }
            InetAddress inner = v4(v4);
            String kind = ownKind(inner);
            if (kind != null) {
                return "address " + a.getHostAddress() + ", which carries the " + kind + " IPv4 address "
                        + inner.getHostAddress() + " (" + e.label + ")";
            }
        }
        if (localNat64(b)) {
            return "local-use NAT64 address " + a.getHostAddress() + " (64:ff9b:1::/48 is translated inside the local "
                    + "network)";
        }
        return null;
    }

    private static boolean localNat64(byte[] b) {
        return b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && b[4] == 0 && b[5] == 1;
    }

    /** The kind of internal address {@code a} is by its own bits, or null when public. */
    private static String ownKind(InetAddress a) {
        byte[] b = a.getAddress();
        if (a.isLoopbackAddress()) {
            return "loopback";
        }
        if (a.isAnyLocalAddress() || (b.length == 4 && (b[0] & 0xff) == 0)) {
            return "unspecified";
        }
        if (a.isLinkLocalAddress()) {
            return "link-local";
        }
        if (a.isSiteLocalAddress() || (b.length == 16 && (b[0] & 0xfe) == 0xfc)) {
            return "private";
        }
        if (a.isMulticastAddress()) {
            return "multicast";
        }
        if (b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64) {
            return "carrier-grade NAT";
        }
        return null;
    }

    /** IPv6 forms that carry an IPv4 address, and where it sits. */
    private enum Embedding {
        MAPPED("IPv4-mapped ::ffff:0:0/96") {
            @Override
            byte[] ipv4(byte[] b) {
                return zero(b, 0, 10) && ff(b, 10, 12) ? Arrays.copyOfRange(b, 12, 16) : null;
            }
        },
        TRANSLATED("IPv4-translated ::ffff:0:0:0/96") {
            @Override
            byte[] ipv4(byte[] b) {
                return zero(b, 0, 8) && ff(b, 8, 10) && zero(b, 10, 12) ? Arrays.copyOfRange(b, 12, 16) : null;
            }
        },
        COMPATIBLE("IPv4-compatible ::/96") {
            @Override
            byte[] ipv4(byte[] b) {
                return zero(b, 0, 12) ? Arrays.copyOfRange(b, 12, 16) : null;
            }
        },
        NAT64("NAT64 64:ff9b::/96") {
            @Override
            byte[] ipv4(byte[] b) {
                return b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && zero(b, 4, 12)
                        ? Arrays.copyOfRange(b, 12, 16)
                        : null;
            }
        },
        LOCAL_NAT64("local-use NAT64 64:ff9b:1::/48") {
            @Override
            byte[] ipv4(byte[] b) {
                return localNat64(b) ? Arrays.copyOfRange(b, 12, 16) : null;
            }
        },
        SIX_TO_FOUR("6to4 2002::/16") {
            @Override
            byte[] ipv4(byte[] b) {
                return b[0] == 0x20 && b[1] == 0x02 ? Arrays.copyOfRange(b, 2, 6) : null;
            }
        },
        TEREDO_SERVER("Teredo 2001::/32, server") {
            @Override
            byte[] ipv4(byte[] b) {
                return teredo(b) ? Arrays.copyOfRange(b, 4, 8) : null;
            }
        },
        TEREDO_CLIENT("Teredo 2001::/32, client") {
            @Override
            byte[] ipv4(byte[] b) {
                if (!teredo(b)) {
                    return null;
                }
                byte[] v4 = Arrays.copyOfRange(b, 12, 16);
                for (int i = 0; i < 4; i++) {
                    v4[i] = (byte) ~v4[i]; // the client address is stored inverted
                }
                return v4;
            }
        };

        final String label;

        Embedding(String label) {
            this.label = label;
        }

        /** The IPv4 address inside {@code b} (16 bytes) in this form, or null when {@code b} is not of it. */
        abstract byte[] ipv4(byte[] b);

        private static boolean teredo(byte[] b) {
            return b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0;
        }
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean ff(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if ((b[i] & 0xff) != 0xff) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress v4(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are always an IPv4 address", e);
        }
    }

    /**
     * The IPv4 address a host written in the classic resolver's numeric forms stands for: one to four parts, each
     * decimal, octal (leading 0) or hexadecimal (0x), the last part filling the remaining bytes ({@code 127.1},
     * {@code 0xA9FEA9FE}, {@code 2852039166}, {@code 0251.0376.0251.0376}). Null when {@code host} is not one.
     */
    static Inet4Address numericIpv4(String host) {
        if (host == null || host.isEmpty() || host.endsWith(".")) {
            return null;
        }
        String[] parts = host.split("\\.", -1);
        if (parts.length > 4) {
            return null;
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Long v = number(parts[i].toLowerCase(Locale.ROOT));
            if (v == null) {
                return null;
            }
            values[i] = v;
        }
        long address = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            if (values[i] > 255) {
                return null;
            }
            address |= values[i] << (8 * (3 - i));
        }
        long last = values[parts.length - 1];
        if (last >= 1L << (8 * (4 - (parts.length - 1)))) {
            return null;
        }
        address |= last;
        return (Inet4Address) v4(
                new byte[] {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address});
    }

    private static Long number(String s) {
        try {
            if (s.startsWith("0x")) {
                return s.length() == 2 || s.length() > 10 ? null : Long.parseLong(s.substring(2), 16);
            }
            if (s.isEmpty() || s.length() > 12 || !s.chars().allMatch(Character::isDigit)) {
                return null;
            }
            return s.length() > 1 && s.startsWith("0") ? Long.parseLong(s.substring(1), 8) : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null; // 08, 09: not octal
        }
    }
}
