package dev.greenlight.evidence.xml;

import java.io.InputStream;

import dev.greenlight.evidence.EvidenceParser;
import dev.greenlight.evidence.EvidenceType;
import dev.greenlight.evidence.ParseLimits;
import dev.greenlight.evidence.facts.SbomFacts;

/**
 * CycloneDX XML, any version with the {@code http://cyclonedx.org/schema/bom/<version>} namespace (1.2 to 1.6 are
 * what tools write): components with nested ones flattened, their licenses, the dependency relations and the
 * embedded vulnerabilities (1.4+). The JSON form has its own parser under the same {@link EvidenceType#CYCLONEDX}.
 */
public final class CycloneDxXmlParser implements EvidenceParser {
    static final String NAMESPACE_PREFIX = "http://cyclonedx.org/schema/bom/";

    @Override
    public EvidenceType type() {
        return EvidenceType.CYCLONEDX;
    }

    @Override
    public boolean recognizes(byte[] head) {
        return XmlHead.of(head).map(xml -> xml.root().equals("bom") && xml.namespace().startsWith(NAMESPACE_PREFIX)).orElse(false);
    }

    @Override
    public SbomFacts parse(InputStream input, ParseLimits limits) {
        try (XmlCursor cursor = XmlCursor.open(input, limits, type())) {
            String root = cursor.openRoot();
            String namespace = cursor.namespace();
            if (!root.equals("bom") || !namespace.startsWith(NAMESPACE_PREFIX)) {
                throw cursor.problem("the root element is <" + root + "> in namespace '" + namespace + "', not a CycloneDX <bom> ("
                        + NAMESPACE_PREFIX + "<version>)");
            }
            return new CycloneDxXmlReader(cursor, namespace, namespace.substring(NAMESPACE_PREFIX.length()), limits).read();
        }
    }
}
