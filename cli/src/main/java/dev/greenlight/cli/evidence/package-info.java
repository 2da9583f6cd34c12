/**
 * {@code greenlight push}: uploads evidence files to a release, one request per file, streamed from
 * disk, with the type detected locally, progress for large files and one result line per file.
 */
@NullMarked
package dev.greenlight.cli.evidence;

import org.jspecify.annotations.NullMarked;
