package dev.greenlight.server.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Binds {@link GreenlightProperties} and applies the listening address from it, which also makes the properties
 * validated before anything listens.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GreenlightProperties.class)
class ConfigurationSetup {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> listeningAddress(GreenlightProperties properties) {
        return factory -> {
            factory.setPort(properties.port());
            factory.setAddress(properties.bind());
        };
    }
}
