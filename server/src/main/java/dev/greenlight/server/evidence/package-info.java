/**
 * Evidence in the server: files uploaded to a release, streamed into the blob store, parsed by the evidence library
 * into facts, recorded with a ledger entry in the same transaction, and merged into the release's facts that gates
 * read.
 */
@NullMarked
package dev.greenlight.server.evidence;

import org.jspecify.annotations.NullMarked;
