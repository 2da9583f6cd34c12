package dev.greenlight.server.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans every feature shares. */
@Configuration(proxyBeanMethods = false)
class PlatformSetup {

    /** The one clock: tests replace it to move time (waiver expiry, lock-outs) without sleeping. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
