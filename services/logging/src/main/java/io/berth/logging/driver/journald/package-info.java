/** The {@code journald} driver: journal entries over the native protocol to {@code /run/systemd/journal/socket}. */
package io.berth.logging.driver.journald;
