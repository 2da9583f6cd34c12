/**
 * Evidence: format detection and streaming parsers that turn CI output files into typed facts, free of Spring.
 */
@NullMarked
package dev.greenlight.evidence;

import org.jspecify.annotations.NullMarked;
