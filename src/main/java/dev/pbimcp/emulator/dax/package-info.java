/**
 * The emulator's DAX engine. {@code syntax} reads query text into a tree with positions; {@code
 * store} holds each model as immutable dictionary-encoded columns with relationship indexes; {@code
 * filter} is the filter context and its propagation along relationships; {@code eval} evaluates
 * with row and filter context, context transition and DAX's BLANK rules. {@link
 * dev.pbimcp.emulator.dax.Engine} is the entry point.
 */
package dev.pbimcp.emulator.dax;
