package dev.greenlight.server.access;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the permission check in front of every handler. */
@Configuration(proxyBeanMethods = false)
class AccessSetup implements WebMvcConfigurer {
    private final AccessPolicy policy;
    private final Environment environment;

    AccessSetup(AccessPolicy policy, Environment environment) {
        this.policy = policy;
        this.environment = environment;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PermissionInterceptor(policy, environment));
    }
}
