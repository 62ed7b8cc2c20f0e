/**
 * Each container's resolv.conf, hosts and hostname under {@code <data-root>/containers/<id>/}: when they are due
 * and announced ({@link io.berth.dns.files.SandboxConfigurer}), and how they are written
 * ({@link io.berth.dns.files.SandboxFileWriter}).
 */
package io.berth.dns.files;
