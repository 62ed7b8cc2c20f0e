/**
 * A small builder for the nftables rulesets berth generates ({@code table inet berth}): tables, base and regular
 * chains, sets, maps, and rules for DNAT over {@code numgen}/{@code jhash} maps, masquerade and isolation drops. It
 * renders readable nft text as one atomic replace transaction; {@link io.berth.host.Nftables#apply} runs it. Pure
 * code, no I/O; golden files under {@code src/test/resources/golden/} pin the output.
 */
package io.berth.host.nft;
