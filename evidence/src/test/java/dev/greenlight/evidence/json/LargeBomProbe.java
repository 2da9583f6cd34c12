package dev.greenlight.evidence.json;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

import dev.greenlight.evidence.ParseLimits;
import dev.greenlight.evidence.facts.SbomFacts;

/**
 * Parses a generated CycloneDX BOM of the given size in MB with the default limits and prints
 * {@code components=N dependencies=N listed=N peakHeapMb=N seconds=N}; run in a JVM with a small heap by
 * {@link LargeBomStreamingTest}.
 */
public final class LargeBomProbe {
    private LargeBomProbe() {
    }

    public static void main(String[] arguments) {
        long megabytes = Long.parseLong(arguments[0]);
        GeneratedCycloneDxBom bom = GeneratedCycloneDxBom.ofMegabytes(megabytes);
        long start = System.nanoTime();
        SbomFacts facts = new CycloneDxJsonParser().parse(bom, ParseLimits.DEFAULT);
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("components=%d dependencies=%d listed=%d peakHeapMb=%d seconds=%.2f%n", facts.componentCount(),
                facts.dependencyCount(), facts.components().size(), peak / (1024 * 1024), seconds);
        if (facts.componentCount() != bom.components() || facts.dependencyCount() != bom.dependencyRelations()) {
            System.exit(2);
        }
    }
}
