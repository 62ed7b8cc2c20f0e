/** The {@code syslog} driver: RFC 3164 and RFC 5424 formats over udp, tcp, tcp+tls (RFC 5425 framing), unix and unixgram. */
package io.berth.logging.driver.syslog;
