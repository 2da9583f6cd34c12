/**
 * The dashboard: server-rendered pages (projects, a release's readiness with its forms) and the readiness badge for
 * READMEs, built on the same services as the API so that a page can never do what the API refuses.
 */
@NullMarked
package dev.greenlight.server.dashboard;

import org.jspecify.annotations.NullMarked;
