/**
 * Approvals: a person holding a role on the project approves a release for an environment, bound to the release's
 * artifacts as they are; the release's author and registrant cannot approve it.
 */
@NullMarked
package dev.greenlight.server.approvals;

import org.jspecify.annotations.NullMarked;
