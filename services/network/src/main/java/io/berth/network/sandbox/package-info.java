/**
 * A container's sandbox and its endpoints (CNM {@code Sandbox}, {@code Join}, {@code Leave}): {@code SandboxPlan}
 * (pure: mode, networks, gateway, ports), {@code EndpointAllocator} (addresses), {@code SandboxSetup} (create and
 * remove), {@code EndpointAttachments} ({@code docker network connect/disconnect}), {@code SharedSandboxes}
 * ({@code --network container:<id>}), {@code SetupFailures} ({@code GET /sandboxes} errors), {@code SandboxLookup}
 * (Docker's container lookup), {@code LinkSweeper} (veths a held namespace left).
 */
package io.berth.network.sandbox;
