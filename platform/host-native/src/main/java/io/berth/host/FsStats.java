package io.berth.host;

/** What {@code statfs(2)} says about a mounted file system. Sizes in bytes. */
public record FsStats(long type, long blockSize, long totalBytes, long freeBytes, long availableBytes, long files,
        long freeFiles, long flags) {
    public static final long TMPFS_MAGIC = 0x01021994L;
    public static final long EXT4_MAGIC = 0xef53L;

    public boolean isTmpfs() {
        return type == TMPFS_MAGIC;
    }
}
