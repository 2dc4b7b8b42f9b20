/**
 * Metrics over OpenTelemetry (MicroProfile Telemetry 2.0): the instruments this server records and
 * the names it gives them. A leaf: it knows nothing of MCP or Power BI beyond the strings it is
 * handed. Off (no-op) until OpenTelemetry is turned on (OTEL_SDK_DISABLED=false).
 */
package dev.pbimcp.telemetry;
