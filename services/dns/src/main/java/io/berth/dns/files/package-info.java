/** Each container's resolv.conf, hosts and hostname under {@code <data-root>/containers/<id>/}. */
package io.berth.dns.files;
