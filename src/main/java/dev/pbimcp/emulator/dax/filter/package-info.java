/**
 * The filter context: filters on columns (allowed value ids), on tuples of columns, and on rows of
 * a base table (a table filter, which filters its whole expanded table), and the row set each table
 * has under them, propagated from the one side of relationships to the many side.
 */
package dev.pbimcp.emulator.dax.filter;
