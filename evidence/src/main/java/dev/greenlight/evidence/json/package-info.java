/**
 * Parsers for the JSON formats: CycloneDX JSON, SPDX, SARIF, Trivy, Grype, k6, OpenVEX and in-toto/DSSE.
 */
@NullMarked
package dev.greenlight.evidence.json;

import org.jspecify.annotations.NullMarked;
