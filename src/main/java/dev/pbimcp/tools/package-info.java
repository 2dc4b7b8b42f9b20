/**
 * The Power BI tools, prompts and resources: thin classes that validate, call the Power BI gateway,
 * and shape the answer for a model. One class per tool.
 */
package dev.pbimcp.tools;
