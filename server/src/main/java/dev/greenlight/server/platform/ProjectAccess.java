package dev.greenlight.server.platform;

/**
 * Checks a project permission from inside a handler, for endpoints whose path names no project (such as
 * {@code /api/v1/decisions/{id}}): the handler finds the project first, then asks. Implemented by the access feature.
 */
public interface ProjectAccess {

    /** Throws 404 when the caller cannot read the project, 403 when it lacks the permission on it. */
    void require(Caller caller, Permission permission, String projectSlug);

    /**
     * Throws 403 unless the caller holds the permission on at least one project. Run first by handlers whose path names
     * no project, so that a caller without the permission anywhere gets the same 403 as elsewhere before anything is
     * looked up; the exact check on the record's project follows with {@link #require}.
     */
    void requireOnSomeProject(Caller caller, Permission permission);
}
