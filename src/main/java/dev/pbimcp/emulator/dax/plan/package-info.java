/**
 * Binding before evaluation: every table, column and function a query names is checked against the
 * model and the engine's library first, so an unknown name fails with its position even in a branch
 * that would never run, and no work is done for a query that cannot succeed.
 */
package dev.pbimcp.emulator.dax.plan;
