/**
 * Evidence: format detection and streaming parsers that turn CI output files into typed facts, free of Spring.
 * {@link dev.greenlight.evidence.EvidenceReader} is the entry point.
 */
@NullMarked
package dev.greenlight.evidence;

import org.jspecify.annotations.NullMarked;
