/**
 * The HTTP edge shared by every feature: request and trace ids, body size limits, Idempotency-Key handling, CORS,
 * and problem+json for every error the framework or a handler raises.
 */
@NullMarked
package dev.greenlight.server.web;

import org.jspecify.annotations.NullMarked;
