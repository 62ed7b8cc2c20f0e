package io.berth.host;

/** A failed mount call; see {@link HostException}. */
public class MountException extends HostException {
    public MountException(String operation, int errno, String kernelMessage) {
        super(operation, errno, kernelMessage);
    }
}
