/**
 * berth's event contract: the topic catalog ({@link io.berth.events.Topics}), the CloudEvent types
 * ({@link io.berth.events.EventCatalog}, {@link io.berth.events.EventType}), their JSON Schemas
 * ({@link io.berth.events.EventSchemas}) and the envelope ({@link io.berth.events.BerthEvents}). The data
 * records live in one sub-package per domain: {@code container}, {@code service}, {@code volume},
 * {@code network}, {@code dns}, {@code logging}, {@code ingress}.
 */
package io.berth.events;
