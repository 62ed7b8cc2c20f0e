package io.berth.host;

/** A failed nft call (the message is nft's error buffer); see {@link HostException}. */
public class NftException extends HostException {
    public NftException(String operation, int errno, String kernelMessage) {
        super(operation, errno, kernelMessage);
    }
}
