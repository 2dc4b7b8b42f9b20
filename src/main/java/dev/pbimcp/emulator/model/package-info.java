/**
 * Semantic model definitions as the emulator serves them: tables with typed columns and rows,
 * measures, relationships, the date table and row-level security roles. Plain data: the DAX engine
 * builds its column store from it, and a model loader produces it.
 */
package dev.pbimcp.emulator.model;
