/**
 * Node configuration: {@code daemon.json} with Docker's keys where Docker has the setting, {@code BERTH_*}
 * environment variables and flags on top. {@link io.berth.kit.config.ConfigLoader} validates every key and fails with a
 * {@link io.berth.kit.config.ConfigException} naming it.
 */
package io.berth.kit.config;
