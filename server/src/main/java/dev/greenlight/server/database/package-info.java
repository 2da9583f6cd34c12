/**
 * The database connection: an external PostgreSQL when one is configured, otherwise a PostgreSQL 17 that Greenlight
 * starts itself under its data directory.
 */
@NullMarked
package dev.greenlight.server.database;

import org.jspecify.annotations.NullMarked;
