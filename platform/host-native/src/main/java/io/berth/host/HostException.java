package io.berth.host;

/**
 * A host call failed. Carries the errno ({@code 0} when the failure did not come from the kernel) and, where the kernel
 * said more (netlink extended ack, nft's error buffer), its own message.
 */
public class HostException extends RuntimeException {
    private final String operation;
    private final int errno;
    private final String kernelMessage;

    public HostException(String operation, int errno, String kernelMessage) {
        this(operation, errno, kernelMessage, null);
    }

    public HostException(String operation, int errno, String kernelMessage, Throwable cause) {
        super(format(operation, errno, kernelMessage), cause);
        this.operation = operation;
        this.errno = errno;
        this.kernelMessage = kernelMessage == null || kernelMessage.isBlank() ? null : kernelMessage.strip();
    }

    private static String format(String operation, int errno, String kernelMessage) {
        StringBuilder sb = new StringBuilder(operation);
        if (errno != 0) {
            sb.append(": ").append(Errno.name(errno)).append(" (").append(Errno.describe(errno)).append(')');
        }
        if (kernelMessage != null && !kernelMessage.isBlank()) {
            sb.append(errno != 0 ? ": " : ": ").append(kernelMessage.strip());
        }
        return sb.toString();
    }

    /** What was attempted, e.g. {@code "ip link add br0 type bridge"}. */
    public String operation() {
        return operation;
    }

    /** The errno, or 0. */
    public int errno() {
        return errno;
    }

    /** The kernel's (or nft's) own message, or {@code null}. */
    public String kernelMessage() {
        return kernelMessage;
    }

    public boolean isErrno(int value) {
        return errno == value;
    }
}
