package io.berth.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class MountInfoTest {
    @Test
    void parsesAMountinfoLineWithEscapes() {
        MountInfo m = MountInfo.parse("36 35 98:0 /mnt1 /mnt/with\\040space rw,noatime master:1 - tmpfs vol\\040x rw,size=1024k");
        assertEquals(36, m.id());
        assertEquals(Path.of("/mnt/with space"), m.mountPoint());
        assertEquals("tmpfs", m.fsType());
        assertEquals("vol x", m.source());
        assertEquals("rw,size=1024k", m.superOptions());
        assertEquals(false, m.isReadOnly());
        assertTrue(MountInfo.parse("1 0 0:1 / /ro ro,relatime - ext4 /dev/x ro").isReadOnly());
    }

    @Test
    void sysctlKeysMapToProcSysPathsKeepingDottedLinkNames() {
        assertEquals(Path.of("/proc/sys/net/ipv4/ip_forward"), Sysctls.file("net.ipv4.ip_forward"));
        assertEquals(Path.of("/proc/sys/net/ipv4/conf/eth0.100/route_localnet"),
                Sysctls.file("net.ipv4.conf.eth0.100.route_localnet"));
        assertEquals(Path.of("/proc/sys/net/ipv6/conf/all/disable_ipv6"), Sysctls.file("net.ipv6.conf.all.disable_ipv6"));
        assertThrows(IllegalArgumentException.class, () -> Sysctls.file("net/../../etc"));
    }

    @Test
    void exceptionsNameTheCommandErrnoAndKernelText() {
        NetlinkException e = new NetlinkException("ip link add br0 type bridge", Errno.EEXIST, "already there ");
        assertEquals("ip link add br0 type bridge: EEXIST (File exists): already there", e.getMessage());
        assertEquals("already there", e.kernelMessage());
        assertEquals("nft -f -: Error: x", new NftException("nft -f -", 0, "Error: x").getMessage());
    }
}
