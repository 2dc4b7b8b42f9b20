/**
 * The CDI registry of what the server offers: tools, resources and prompts, their JSON Schemas
 * derived from Java records, and the filters (read-only first) that decide what a client sees. It
 * knows nothing about Power BI and nothing about transports.
 */
package dev.pbimcp.registry;
