/**
 * The system endpoints the gateway answers itself, with dockerd's fields and headers: {@code GET/HEAD /_ping},
 * {@code GET /version}, {@code GET /info} ({@link io.berth.gateway.api.SystemApi}), and API version negotiation
 * ({@link io.berth.gateway.api.ApiVersion}: the {@code /v1.xx} prefix, 1.24 to 1.51, dockerd's "too old/too new"
 * messages).
 */
package io.berth.gateway.api;
