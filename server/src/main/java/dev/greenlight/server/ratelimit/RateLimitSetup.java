package dev.greenlight.server.ratelimit;

import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.scheduling.annotation.EnableScheduling;

import dev.greenlight.server.config.GreenlightProperties;
import dev.greenlight.server.platform.CurrentCaller;

/**
 * Two limits: per client address before authentication (so floods of bad credentials cost little), and per
 * credential after it (so one CI key cannot starve the others behind the same address).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RateLimitSetup {
    /** Spring Security's filter chain runs at -100; these orders put one limit on each side of it. */
    static final int BEFORE_AUTHENTICATION = Ordered.HIGHEST_PRECEDENCE + 20;
    static final int AFTER_AUTHENTICATION = -50;

    @Bean
    RateLimiter rateLimiter(DataSource dataSource) {
        return new RateLimiter(dataSource);
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> addressRateLimit(RateLimiter limiter, GreenlightProperties properties) {
        RateLimitFilter filter = new RateLimitFilter(limiter, properties.rateLimit().perAddressPerMinute(),
                request -> Optional.of("address:" + request.getRemoteAddr()), "from this address");
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(BEFORE_AUTHENTICATION);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> credentialRateLimit(RateLimiter limiter, GreenlightProperties properties) {
        RateLimitFilter filter = new RateLimitFilter(limiter, properties.rateLimit().perCredentialPerMinute(),
                request -> CurrentCaller.find().map(caller -> "credential:" + caller.credential() + ":" + caller.principalId()),
                "with this credential");
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(AFTER_AUTHENTICATION);
        return registration;
    }
}
