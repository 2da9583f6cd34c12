/**
 * Gates: policy packs and their activation, each environment's gate (pack, parameters, required approvals, freeze
 * windows), the readiness of a release for an environment, and decisions recorded with their exact inputs so that
 * they can be replayed.
 */
@NullMarked
package dev.greenlight.server.gates;

import org.jspecify.annotations.NullMarked;
