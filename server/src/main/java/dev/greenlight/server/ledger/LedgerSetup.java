package dev.greenlight.server.ledger;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.greenlight.server.config.GreenlightProperties;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LedgerProperties.class)
class LedgerSetup {

    @Bean
    KeyProvider ledgerKeyProvider(GreenlightProperties greenlight, LedgerProperties ledger) {
        return new FileKeyProvider(greenlight.dataDir(), ledger.signingKeyPath());
    }

    @Bean
    SigningKeys signingKeys(JdbcClient jdbc, KeyProvider provider, Clock clock) {
        return new SigningKeys(jdbc, provider, clock);
    }
}
