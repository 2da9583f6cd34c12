package dev.greenlight.server.evidence;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.greenlight.evidence.EvidenceReader;
import dev.greenlight.evidence.ParseLimits;
import dev.greenlight.evidence.merge.ReleaseFactsMerger;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EvidenceProperties.class)
class EvidenceSetup {

    @Bean
    EvidenceReader evidenceReader(EvidenceProperties properties) {
        ParseLimits defaults = ParseLimits.DEFAULT;
        return EvidenceReader.standard(new ParseLimits(defaults.maxDepth(), defaults.maxStringLength(),
                defaults.maxDecompressedBytes(), defaults.maxCompressionRatio(), properties.maxListedItems()));
    }

    @Bean
    ReleaseFactsMerger releaseFactsMerger(EvidenceProperties properties) {
        return new ReleaseFactsMerger(properties.maxListedItems());
    }
}
