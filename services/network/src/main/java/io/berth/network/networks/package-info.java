/** {@code docker network create/inspect/rm/ls/prune}: {@code NetworkController}, and the predefined {@code bridge}, {@code host}, {@code none}. */
package io.berth.network.networks;
