/**
 * TLS for remote drivers as Docker configures it: {@code syslog-tls-*} and {@code splunk-capath}/{@code splunk-caname}
 * (PEM certificates and keys, the server name check, {@code *-insecureskipverify}).
 */
package io.berth.logging.tls;
