package dev.pbimcp.powerbi;

import dev.pbimcp.powerbi.Payloads.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;

/**
 * The workspace allow-list (PBIMCP_WORKSPACES: ids or names). Enforced on every call that names a
 * workspace, not only on listings, so an id learnt elsewhere does not get around it.
 */
@ApplicationScoped
public class WorkspacePolicy {
  private final List<String> allowed;

  @Inject
  public WorkspacePolicy(GatewaySettings settings) {
    this.allowed = settings.allowedWorkspaces();
  }

  /** For CDI's proxy. */
  protected WorkspacePolicy() {
    this.allowed = List.of();
  }

  boolean allows(Workspace w) {
    return allowed.isEmpty()
        || allowed.contains(w.id().toLowerCase(Locale.ROOT))
        || (w.name() != null && allowed.contains(w.name().toLowerCase(Locale.ROOT)));
  }

  void check(String workspaceId, PowerBiGateway gateway) {
    if (allowed.isEmpty() || allowed.contains(workspaceId.toLowerCase(Locale.ROOT))) {
      return;
    }
    // Names on the list need the workspace's name: look it up among the visible ones.
    boolean byName =
        gateway.workspaces(null, 5000, 0).stream()
            .anyMatch(w -> w.id().equalsIgnoreCase(workspaceId));
    if (!byName) {
      throw new PowerBiException(
          PowerBiException.Kind.NOT_ALLOWED,
          "This server is limited to certain workspaces (PBIMCP_WORKSPACES), and "
              + workspaceId
              + " is not one of them. Use list_powerbi_workspaces to see the allowed ones.");
    }
  }
}
