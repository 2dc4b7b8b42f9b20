/**
 * Power BI Projects as the emulator loads them: a semantic model's definition (TMDL files, or a
 * TMSL {@code model.bim}) and its data (one CSV per table, or rows a generator makes), turned into
 * a {@link dev.pbimcp.emulator.model.Model}. Calculated tables and columns are evaluated by the DAX
 * engine at load. Every problem names its file and line; what the engine cannot serve is reported,
 * never dropped silently. The built-in sample models are loaded the same way.
 */
package dev.pbimcp.emulator.project;
