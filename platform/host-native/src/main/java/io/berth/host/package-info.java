/**
 * berth's native host layer: the only code that touches namespaces, mounts, links and the firewall.
 *
 * <p>Three layers, like jnr-posix: raw jnr-ffi bindings in {@code io.berth.host.internal} (not API), wire codecs
 * ({@code io.berth.host.netlink}, package-private) and the public facades — {@link io.berth.host.Namespaces},
 * {@link io.berth.host.NetnsHandle}, {@link io.berth.host.Mounts}, {@link io.berth.host.LoopDevices},
 * {@link io.berth.host.FileSystem}, {@link io.berth.host.Sysctls}, {@link io.berth.host.netlink.Netlink},
 * {@link io.berth.host.Nftables} with the ruleset builder in {@code io.berth.host.nft}. Each method's Javadoc names
 * the equivalent {@code ip}/{@code bridge}/{@code nft}/{@code mount} command. Failures are
 * {@link io.berth.host.HostException}s (errno + the kernel's or nft's own message).
 *
 * <p><b>Every call blocks</b> (microseconds to tens of milliseconds): never call it on a Vert.x event loop. Services
 * call it through the kit's {@code HostOps} (a traced {@code executeBlocking}) or — for work inside a namespace —
 * through the namespace's own {@link io.berth.host.NetnsHandle#executor()} / {@link io.berth.host.NetnsHandle#submit}.
 *
 * <p>Namespace rules this layer enforces: only dedicated platform threads ever {@code setns} (never pool or virtual
 * threads), and they always return in {@code finally}; namespace files are bound from {@code /proc/thread-self}, not
 * {@code /proc/self}; a netlink socket and a libnftables context act on the namespace where they were created. A JVM
 * cannot enter another mount namespace: mounts act on the process's own.
 */
package io.berth.host;
