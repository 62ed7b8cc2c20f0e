package io.berth.host;

import io.berth.host.internal.LibNftables;
import io.berth.host.internal.Native;
import io.berth.host.nft.Ruleset;
import jnr.ffi.Pointer;

/**
 * A libnftables context. It is bound to the network namespace where it was created (its netlink socket is opened
 * then), so get one from {@link NetnsHandle#nftables()}; it can then be used from any thread (calls are serialized).
 * Every call blocks for a few milliseconds: run it off the event loop.
 */
public final class Nftables implements AutoCloseable {
    private final LibNftables lib;
    private Pointer ctx;

    private Nftables(LibNftables lib, Pointer ctx) {
        this.lib = lib;
        this.ctx = ctx;
    }

    /** Creates a context in the calling thread's network namespace. Prefer {@link NetnsHandle#nftables()}. */
    public static Nftables create() {
        LibNftables lib = Native.nftables();
        Pointer ctx = lib.nft_ctx_new(LibNftables.NFT_CTX_DEFAULT);
        if (ctx == null) {
            throw new NftException("nft_ctx_new", Errno.ENOMEM, null);
        }
        lib.nft_ctx_buffer_output(ctx);
        lib.nft_ctx_buffer_error(ctx);
        return new Nftables(lib, ctx);
    }

    /**
     * Runs nft commands (a whole file's text) as one atomic transaction and returns what nft printed.
     * Equivalent to: {@code nft -f FILE}.
     *
     * @throws NftException with nft's error buffer (caret diagnostics) as the kernel message; nothing is applied
     */
    public synchronized String run(String commands) {
        return exec(commands, false, "nft -f -");
    }

    /** Applies a generated ruleset atomically (see {@link Ruleset#render()}). Equivalent to: {@code nft -f FILE}. */
    public String apply(Ruleset ruleset) {
        return run(ruleset.render());
    }

    /** Runs a JSON command document (libnftables JSON schema). Equivalent to: {@code nft -j -f FILE}. */
    public synchronized String runJson(String json) {
        return exec(json, true, "nft -j -f -");
    }

    /** Equivalent to: {@code nft -j list ruleset}. */
    public synchronized String listRulesetJson() {
        return exec("list ruleset", true, "nft -j list ruleset");
    }

    /** Equivalent to: {@code nft list ruleset}. */
    public synchronized String listRuleset() {
        return exec("list ruleset", false, "nft list ruleset");
    }

    /** Equivalent to: {@code nft -j list table FAMILY NAME}. */
    public synchronized String listTableJson(String family, String name) {
        return exec("list table " + family + " " + name, true, "nft -j list table " + family + " " + name);
    }

    /** Equivalent to: {@code nft list tables} (one {@code "family name"} per element). */
    public synchronized java.util.List<String> listTables() {
        String out = exec("list tables", false, "nft list tables");
        return out.lines().map(String::strip).filter(l -> l.startsWith("table "))
                .map(l -> l.substring("table ".length())).toList();
    }

    private String exec(String commands, boolean json, String op) {
        if (ctx == null) {
            throw new NftException(op, Errno.EBADF, "context closed");
        }
        int flags = lib.nft_ctx_output_get_flags(ctx);
        int wanted = json ? flags | LibNftables.NFT_CTX_OUTPUT_JSON : flags & ~LibNftables.NFT_CTX_OUTPUT_JSON;
        lib.nft_ctx_output_set_flags(ctx, wanted);
        int rc = lib.nft_run_cmd_from_buffer(ctx, commands);
        String out = lib.nft_ctx_get_output_buffer(ctx); // each read resets the buffer
        String err = lib.nft_ctx_get_error_buffer(ctx);
        if (rc != 0) {
            throw new NftException(op, 0, err == null || err.isBlank() ? "nft failed (rc " + rc + ")" : err);
        }
        return out == null ? "" : out;
    }

    @Override
    public synchronized void close() {
        if (ctx != null) {
            lib.nft_ctx_free(ctx);
            ctx = null;
        }
    }
}
