/** The {@code gelf} driver: GELF messages over UDP (compressed, chunked) or TCP (NUL-ended). */
package io.berth.logging.driver.gelf;
