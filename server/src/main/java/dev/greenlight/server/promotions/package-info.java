/**
 * Promotions: moving a release into an environment step by step (gate, approvals, deploy steps, canary analysis) with
 * automatic and governed rollback, each environment's release history, and DORA figures from those records.
 */
@NullMarked
package dev.greenlight.server.promotions;

import org.jspecify.annotations.NullMarked;
