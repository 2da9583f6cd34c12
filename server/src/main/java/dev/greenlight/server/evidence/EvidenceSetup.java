package dev.greenlight.server.evidence;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
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

    /**
     * Answers {@code Expect: 100-continue} only when a handler starts reading the body, so that an upload refused
     * before that (too large, no permission, no such release) gets its answer without sending its bytes; by default
     * Tomcat asks for the body at once and then closes the connection on a large refused one, which a client sees as a
     * network error instead of the answer.
     */
    @Bean
    TomcatConnectorCustomizer continueWhenTheBodyIsRead() {
        return connector -> connector.setProperty("continueResponseTiming", "onRead");
    }

    @Bean
    ReleaseFactsMerger releaseFactsMerger(EvidenceProperties properties) {
        return new ReleaseFactsMerger(properties.maxListedItems());
    }
}
