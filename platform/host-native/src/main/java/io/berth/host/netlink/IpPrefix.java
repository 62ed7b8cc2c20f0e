package io.berth.host.netlink;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address with a prefix length, e.g. {@code 10.0.0.1/24} or {@code fd00::1/64}. */
public record IpPrefix(InetAddress address, int length) {
    public IpPrefix {
        int max = address instanceof Inet4Address ? 32 : 128;
        if (length < 0 || length > max) {
            throw new IllegalArgumentException("prefix length out of range for " + address + ": " + length);
        }
    }

    /** Parses {@code ADDR/LEN} or a bare address (host prefix). Literal addresses only: never resolves names. */
    public static IpPrefix parse(String s) {
        int slash = s.indexOf('/');
        String addr = slash < 0 ? s : s.substring(0, slash);
        InetAddress a = literal(addr);
        int len = slash < 0 ? (a instanceof Inet4Address ? 32 : 128) : Integer.parseInt(s.substring(slash + 1));
        return new IpPrefix(a, len);
    }

    public static InetAddress literal(String addr) {
        if (!addr.matches("[0-9a-fA-F:.]+") || (!addr.contains(".") && !addr.contains(":"))) {
            throw new IllegalArgumentException("not an IP literal: " + addr);
        }
        try {
            return InetAddress.getByName(addr);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP literal: " + addr, e);
        }
    }

    public boolean isIpv4() {
        return address instanceof Inet4Address;
    }

    int family() {
        return isIpv4() ? Nl.AF_INET : Nl.AF_INET6;
    }

    @Override
    public String toString() {
        return address.getHostAddress() + "/" + length;
    }
}
