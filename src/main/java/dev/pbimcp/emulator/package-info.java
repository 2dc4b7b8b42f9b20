/**
 * A stand-in for the Power BI REST API, served by this same server under {@code /emulator} with
 * Microsoft's JSON shapes, status codes and error bodies: a deterministic sample tenant, a DAX
 * subset engine over a star-schema sales model, Power BI's result limits, and fault injection for
 * tests. The gateway reaches it only over HTTP, exactly as it reaches the real service.
 */
package dev.pbimcp.emulator;
