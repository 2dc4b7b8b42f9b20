/** What this application adds to CDI: a leaf every other package may use. */
package dev.pbimcp.cdi;
