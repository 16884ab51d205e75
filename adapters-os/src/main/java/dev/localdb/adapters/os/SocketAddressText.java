package dev.localdb.adapters.os;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/** Turns the kernel's hex form of a socket's local address into the text users know ({@code 127.0.0.1}, {@code ::1}). */
final class SocketAddressText {
    private SocketAddressText() {
    }

    /**
     * The kernel prints the address as 32-bit words in host byte order (little-endian on every
     * platform localdb runs on): {@code 0100007F} is 127.0.0.1.
     *
     * @throws IllegalArgumentException when the text is not 8 or 32 hex digits
     */
    static String fromProcHex(String hex) {
        if (hex.length() != 8 && hex.length() != 32) {
            throw new IllegalArgumentException("not an address: " + hex);
        }
        byte[] raw = HexFormat.of().parseHex(hex);
        byte[] address = new byte[raw.length];
        for (int word = 0; word < raw.length; word += 4) {
            for (int i = 0; i < 4; i++) {
                address[word + i] = raw[word + 3 - i];
            }
        }
        try {
            // An IPv4-mapped IPv6 address (::ffff:127.0.0.1) comes back as the IPv4 address it maps.
            InetAddress parsed = InetAddress.getByAddress(address);
            return address.length == 16 && parsed.getAddress().length == 16 ? compressed(address) : parsed.getHostAddress();
        } catch (UnknownHostException impossible) {
            throw new IllegalArgumentException("not an address: " + hex, impossible);
        }
    }

    /** RFC 5952 text: lower-case groups without leading zeros, the longest run of two or more zero groups as "::". */
    static String compressed(byte[] address) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((address[2 * i] & 0xff) << 8) | (address[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int length = 0;
            while (i + length < 8 && groups[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
