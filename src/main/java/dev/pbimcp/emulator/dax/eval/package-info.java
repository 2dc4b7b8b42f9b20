/**
 * Evaluation with DAX's semantics: row context (frames over table values whose columns keep their
 * lineage), filter context, context transition for measures and CALCULATE, one-pass grouped
 * aggregation for SUMMARIZECOLUMNS, and the function library, one class per family.
 */
package dev.pbimcp.emulator.dax.eval;
