/** The HTTP surface shared by every service: health, readiness, metrics, log level, body limit and errors. */
package io.berth.kit.http;
