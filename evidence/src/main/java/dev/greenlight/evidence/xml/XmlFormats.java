package dev.greenlight.evidence.xml;

import java.util.List;

import dev.greenlight.evidence.EvidenceParser;

/**
 * The XML formats: JUnit, JaCoCo, Cobertura and CycloneDX XML, in detection order. Each recognises a different root
 * element ({@code testsuites}/{@code testsuite}, {@code report}, {@code coverage}, {@code bom} in the CycloneDX
 * namespace), so the order does not matter among them.
 */
public final class XmlFormats {
    private XmlFormats() {
    }

    public static List<EvidenceParser> parsers() {
        return List.of(new JUnitXmlParser(), new JacocoXmlParser(), new CoberturaXmlParser(), new CycloneDxXmlParser());
    }
}
