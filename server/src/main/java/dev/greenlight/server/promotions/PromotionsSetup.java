package dev.greenlight.server.promotions;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PromotionProperties.class)
class PromotionsSetup {
}
