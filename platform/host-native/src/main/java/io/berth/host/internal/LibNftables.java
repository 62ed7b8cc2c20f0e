package io.berth.host.internal;

import jnr.ffi.Pointer;

/** Raw binding to {@code libnftables.so.1} (nftables 1.0.x). A context is bound to the netns where it was created. */
public interface LibNftables {
    int NFT_CTX_DEFAULT = 0;
    int NFT_CTX_OUTPUT_HANDLE = 1 << 3;
    int NFT_CTX_OUTPUT_JSON = 1 << 4;

    Pointer nft_ctx_new(int flags);

    void nft_ctx_free(Pointer ctx);

    int nft_ctx_buffer_output(Pointer ctx);

    String nft_ctx_get_output_buffer(Pointer ctx);

    int nft_ctx_buffer_error(Pointer ctx);

    String nft_ctx_get_error_buffer(Pointer ctx);

    int nft_ctx_output_get_flags(Pointer ctx);

    void nft_ctx_output_set_flags(Pointer ctx, int flags);

    int nft_run_cmd_from_buffer(Pointer ctx, String buf);
}
