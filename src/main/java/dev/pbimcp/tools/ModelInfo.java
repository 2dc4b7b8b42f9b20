package dev.pbimcp.tools;

import dev.pbimcp.powerbi.Payloads.SemanticModel;
import dev.pbimcp.registry.Param;

/** A semantic model as the tools show it. */
public record ModelInfo(
    @Param(value = "Semantic model (dataset) id.", required = true) String id,
    @Param(value = "Semantic model name.", required = true) String name,
    @Param(value = "Workspace id.", required = true) String workspaceId,
    @Param("Workspace name.") String workspaceName,
    @Param("Who configured it.") String configuredBy,
    @Param("True when row-level security applies: results depend on who asks.") boolean rlsRequired,
    @Param("Import, DirectQuery, …") String storageMode,
    @Param("Description, if any.") String description,
    @Param("Link to the model in Power BI.") String webUrl) {

  static ModelInfo of(SemanticModel m, String workspaceName) {
    return new ModelInfo(
        m.id(),
        m.name(),
        m.workspaceId(),
        workspaceName,
        m.configuredBy(),
        m.rlsRequired(),
        m.storageMode(),
        m.description(),
        m.webUrl());
  }
}
