/**
 * Logging: JSON lines with the request and trace ids, with credentials, passwords and e-mail addresses redacted
 * before anything is written.
 */
@NullMarked
package dev.greenlight.server.logging;

import org.jspecify.annotations.NullMarked;
