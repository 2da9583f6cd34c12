package dev.greenlight.evidence.json;

import java.util.LinkedHashSet;
import java.util.Set;

import dev.greenlight.evidence.EvidenceLimitException;

/** The distinct licenses of all components of an SBOM (listed or not), bounded: no real SBOM has this many different ones. */
final class SbomLicenses {
    private final int max;
    private final Set<String> all = new LinkedHashSet<>();

    SbomLicenses(int max) {
        this.max = Math.max(max, 1000);
    }

    void addAll(Iterable<String> licenses) {
        for (String license : licenses) {
            if (all.add(license) && all.size() > max) {
                throw new EvidenceLimitException("The SBOM declares more than " + max + " different licenses.");
            }
        }
    }

    Set<String> all() {
        return all;
    }
}
