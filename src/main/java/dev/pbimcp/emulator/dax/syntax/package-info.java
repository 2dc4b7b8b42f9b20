/**
 * DAX query text to a syntax tree: tokens with line and column, a recursive-descent parser for
 * DEFINE (MEASURE, VAR, TABLE, COLUMN), EVALUATE with ORDER BY and START AT, VAR … RETURN, IN,
 * table constructors and every operator. Valid DAX outside the engine's functions parses; only
 * evaluation refuses it, by name.
 */
package dev.pbimcp.emulator.dax.syntax;
