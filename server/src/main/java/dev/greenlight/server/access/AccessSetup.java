package dev.greenlight.server.access;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the permission check in front of every handler. */
@Configuration(proxyBeanMethods = false)
class AccessSetup implements WebMvcConfigurer {
    private final AccessPolicy policy;

    AccessSetup(AccessPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PermissionInterceptor(policy));
    }
}
