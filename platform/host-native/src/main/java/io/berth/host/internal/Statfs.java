package io.berth.host.internal;

/** glibc {@code struct statfs} on LP64 (120 bytes). */
public final class Statfs extends jnr.ffi.Struct {
    public final SignedLong f_type = new SignedLong();
    public final SignedLong f_bsize = new SignedLong();
    public final UnsignedLong f_blocks = new UnsignedLong();
    public final UnsignedLong f_bfree = new UnsignedLong();
    public final UnsignedLong f_bavail = new UnsignedLong();
    public final UnsignedLong f_files = new UnsignedLong();
    public final UnsignedLong f_ffree = new UnsignedLong();
    public final Signed32[] f_fsid = array(new Signed32[2]);
    public final SignedLong f_namelen = new SignedLong();
    public final SignedLong f_frsize = new SignedLong();
    public final SignedLong f_flags = new SignedLong();
    public final SignedLong[] f_spare = array(new SignedLong[4]);

    public Statfs(jnr.ffi.Runtime runtime) {
        super(runtime);
    }
}
