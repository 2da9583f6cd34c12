/**
 * Policy: CEL rules, policy packs with their embedded tests, and their evaluation over facts, free of Spring.
 */
@NullMarked
package dev.greenlight.policy;

import org.jspecify.annotations.NullMarked;
