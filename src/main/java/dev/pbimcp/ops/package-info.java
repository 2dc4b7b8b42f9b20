/** Operations: health probes (and later metrics, audit log and the connection doctor). */
package dev.pbimcp.ops;
