/**
 * Parsers for the XML formats: JUnit, JaCoCo, Cobertura and CycloneDX XML.
 */
@NullMarked
package dev.greenlight.evidence.xml;

import org.jspecify.annotations.NullMarked;
