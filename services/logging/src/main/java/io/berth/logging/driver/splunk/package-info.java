/** The {@code splunk} driver: the HTTP Event Collector, with the daemon's batching environment and the connection check at create. */
package io.berth.logging.driver.splunk;
