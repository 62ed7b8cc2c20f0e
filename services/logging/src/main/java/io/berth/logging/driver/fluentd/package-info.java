/** The {@code fluentd} driver: the forward protocol in message mode over TCP or unix, with MessagePack encoding and {@code fluentd-request-ack}. */
package io.berth.logging.driver.fluentd;
