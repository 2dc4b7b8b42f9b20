/**
 * A model as the engine reads it: immutable, dictionary-encoded columns (an array of value ids per
 * column, id 0 being BLANK), and for every relationship an index from each many-side row to its
 * one-side row (-1 for the blank row), composed along chains into expanded-table maps. Built once
 * per model.
 */
package dev.pbimcp.emulator.dax.store;
