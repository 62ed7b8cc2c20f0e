package io.berth.host;

/** A failed netlink call; see {@link HostException}. */
public class NetlinkException extends HostException {
    public NetlinkException(String operation, int errno, String kernelMessage) {
        super(operation, errno, kernelMessage);
    }
}
