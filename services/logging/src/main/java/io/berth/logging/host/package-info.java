/** What touches the host through host-native: the stdio FIFOs ({@code mkfifo}) and unix datagram sockets (journald, syslog unixgram). */
package io.berth.logging.host;
