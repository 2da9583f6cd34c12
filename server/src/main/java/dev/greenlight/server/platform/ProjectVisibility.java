package dev.greenlight.server.platform;

import java.util.Set;
import java.util.UUID;

/**
 * Which projects a caller may read. Declared here and implemented by the access feature, so that listing features
 * can filter without depending on how roles are stored.
 */
public interface ProjectVisibility {

    VisibleProjects visibleTo(Caller caller);

    /** Either every project of the caller's workspace, or the listed ones. */
    record VisibleProjects(boolean all, Set<UUID> projectIds) {
        public VisibleProjects {
            projectIds = Set.copyOf(projectIds);
        }

        public boolean includes(UUID projectId) {
            return all || projectIds.contains(projectId);
        }
    }
}
