package io.berth.testing.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.berth.host.Errno;
import io.berth.host.FileSystem;
import io.berth.host.FsStats;
import io.berth.host.LoopDevices;
import io.berth.host.MountException;
import io.berth.host.MountInfo;
import io.berth.host.Mounts;

@Tag("host")
class MountsIT {
    @RegisterExtension
    LabNetns lab = new LabNetns();

    /** Writes until the file system refuses; returns the bytes written and the error text. */
    static String fill(Path file, long max) {
        byte[] chunk = new byte[64 * 1024];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            while (written < max) {
                out.write(chunk);
                written += chunk.length;
            }
            out.flush();
            return "no error after " + written;
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    @Test
    void tmpfsWithSizeLimitEnforced() {
        Path dir = lab.trackMount(lab.tempDir("tmpfs"));
        Mounts.tmpfs(dir, Map.of("size", "1m", "mode", "0700"));
        FsStats st = Mounts.statfs(dir);
        assertTrue(st.isTmpfs());
        assertEquals(1024 * 1024, st.totalBytes());
        MountInfo m = Mounts.find(dir).orElseThrow();
        assertEquals("tmpfs", m.fsType());
        assertTrue(m.superOptions().contains("size=1024k"), m.superOptions());
        String findmnt = lab.exec("findmnt", "-n", "-o", "FSTYPE,OPTIONS", dir.toString()).orFail();
        assertTrue(findmnt.startsWith("tmpfs") && findmnt.contains("size=1024k") && findmnt.contains("mode=700"), findmnt);

        String error = fill(dir.resolve("big"), 4 * 1024 * 1024);
        assertTrue(error.contains("No space left on device"), "ENOSPC past the limit, got: " + error);

        Mounts.umount(dir);
        assertFalse(Mounts.isMountPoint(dir));
        assertEquals("", lab.exec("findmnt", "-n", dir.toString()).stdout().strip());
        MountException again = assertThrows(MountException.class, () -> Mounts.umount(dir));
        assertEquals(Errno.EINVAL, again.errno());
    }

    @Test
    void bindReadOnlyAndRecursive() throws Exception {
        Path src = lab.tempDir("src");
        Files.writeString(src.resolve("f"), "hello");
        Path inner = lab.trackMount(Files.createDirectories(src.resolve("inner")));
        Mounts.tmpfs(inner, Map.of("size", "64k"));
        Files.writeString(inner.resolve("g"), "inner");

        Path rw = lab.trackMount(lab.tempDir("rw"));
        Mounts.bind(src, rw, false, false);
        assertEquals("hello", Files.readString(rw.resolve("f")));
        assertFalse(Files.exists(rw.resolve("inner/g")), "plain bind does not carry sub-mounts");
        Files.writeString(rw.resolve("w"), "x");

        Path rbind = lab.trackMount(lab.tempDir("rbind"));
        Mounts.bind(src, rbind, true, false);
        lab.trackMount(rbind.resolve("inner"));
        assertEquals("inner", Files.readString(rbind.resolve("inner/g")));

        Path ro = lab.trackMount(lab.tempDir("ro"));
        Mounts.bind(src, ro, false, true);
        assertTrue(Mounts.find(ro).orElseThrow().isReadOnly());
        assertTrue(lab.exec("findmnt", "-n", "-o", "OPTIONS", ro.toString()).orFail().startsWith("ro"));
        FileSystemException e = assertThrows(FileSystemException.class, () -> Files.writeString(ro.resolve("n"), "x"));
        assertTrue(e.getMessage().contains("Read-only file system"), e.getMessage());

        Mounts.umount(ro, true, false); // lazy
        Mounts.umount(rbind.resolve("inner"), true, false);
        Mounts.umount(rbind, false, true); // forced
        Mounts.umount(rw);
        Mounts.umount(inner);
        for (Path p : new Path[] {ro, rbind, rw, inner}) {
            assertFalse(Mounts.isMountPoint(p), p + " still mounted");
        }
    }

    @Test
    void genericMountLikeTheLocalVolumeDriver() {
        Path dir = lab.trackMount(lab.tempDir("generic"));
        Mounts.mount("lab-generic", dir, "tmpfs", Mounts.NOSUID | Mounts.NODEV, "size=2m,uid=1234");
        MountInfo m = Mounts.find(dir).orElseThrow();
        assertEquals("lab-generic", m.source());
        assertTrue(m.options().contains("nosuid") && m.options().contains("nodev"), m.options());
        assertTrue(m.superOptions().contains("uid=1234"), m.superOptions());
        assertEquals("lab-generic", lab.exec("findmnt", "-n", "-o", "SOURCE", dir.toString()).orFail().strip());
        MountException bad = assertThrows(MountException.class,
                () -> Mounts.mount("x", lab.tempDir("bad"), "no-such-fs", 0, null));
        assertEquals(Errno.ENODEV, bad.errno());
        assertTrue(bad.getMessage().contains("mount -t no-such-fs"), bad.getMessage());
        Mounts.umount(dir);
    }

    @Test
    void loopDeviceImageWithSizeLimit() throws Exception {
        Path image = lab.tempDir("loop").resolve("vol.img");
        try (var f = new java.io.RandomAccessFile(image.toFile(), "rw")) {
            f.setLength(8 * 1024 * 1024);
        }
        lab.exec("mkfs.ext4", "-q", "-F", "-m", "0", image.toString()).orFail();
        Path dev = lab.trackLoop(LoopDevices.attach(image, false));
        assertEquals(image, LoopDevices.backingFile(dev));
        assertTrue(lab.exec("losetup", "--list", "--noheadings", "-O", "BACK-FILE", dev.toString()).orFail()
                .contains(image.toString()));
        Path mnt = lab.trackMount(lab.tempDir("loopmnt"));
        Mounts.mount(dev.toString(), mnt, "ext4", 0, null);
        FsStats st = Mounts.statfs(mnt);
        assertEquals(FsStats.EXT4_MAGIC, st.type());
        assertTrue(st.totalBytes() < 8 * 1024 * 1024);
        assertEquals("ext4", lab.exec("findmnt", "-n", "-o", "FSTYPE", mnt.toString()).orFail().strip());
        String error = fill(mnt.resolve("big"), 16 * 1024 * 1024);
        assertTrue(error.contains("No space left on device"), "ENOSPC past the image size, got: " + error);
        Mounts.umount(mnt);
        LoopDevices.detach(dev);
        assertEquals(null, LoopDevices.backingFile(dev));
    }

    @Test
    void mkfifoAndChown() throws Exception {
        Path dir = lab.tempDir("fs");
        Path fifo = dir.resolve("stdout.fifo");
        FileSystem.mkfifo(fifo, 0600);
        assertEquals("fifo", lab.exec("stat", "-c", "%F", fifo.toString()).orFail().strip());
        assertEquals(Errno.EEXIST, assertThrows(io.berth.host.HostException.class,
                () -> FileSystem.mkfifo(fifo, 0600)).errno());

        Path file = Files.writeString(dir.resolve("owned"), "x");
        FileSystem.chown(file, 1234, 5678);
        assertEquals("1234:5678", lab.exec("stat", "-c", "%u:%g", file.toString()).orFail().strip());
        Path link = Files.createSymbolicLink(dir.resolve("link"), file);
        FileSystem.lchown(link, 4321, 8765);
        assertEquals("4321:8765", lab.exec("stat", "-c", "%u:%g", link.toString()).orFail().strip());
        assertEquals("1234:5678", lab.exec("stat", "-L", "-c", "%u:%g", link.toString()).orFail().strip());
        assertEquals(Errno.ENOENT, assertThrows(io.berth.host.HostException.class,
                () -> FileSystem.chown(dir.resolve("missing"), 1, 1)).errno());
    }
}
