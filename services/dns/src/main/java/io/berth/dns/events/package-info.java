/**
 * The service's events: consumers of the network service's facts ({@code NetworkEventsConsumer}) and of container
 * lifecycle ({@code ContainerEventsConsumer}), both routed by the kit's {@code EventRouter}; the publisher of
 * {@code io.berth.dns.sandbox.configured} and {@code io.berth.dns.sandbox.failed} ({@code DnsEventsPublisher}); the
 * registration lag per hop ({@code EndpointLag}).
 */
package io.berth.dns.events;
