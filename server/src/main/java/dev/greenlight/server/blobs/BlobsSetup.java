package dev.greenlight.server.blobs;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.greenlight.server.config.GreenlightProperties;

/** The blob store lives in the data directory, under {@code blobs/}. */
@Configuration(proxyBeanMethods = false)
class BlobsSetup {

    @Bean
    BlobStore blobStore(GreenlightProperties properties) {
        return new FileBlobStore(properties.dataDir().resolve("blobs"));
    }
}
