package dev.greenlight.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.greenlight.server.platform.PublicEndpoint;
import dev.greenlight.server.platform.RequiresPermission;
import dev.greenlight.server.testing.IntegrationTest;

/** Every handler of the running application declares a permission, or says why it is public. */
class PermissionDeclarationTest extends IntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyHandlerDeclaresItsPermission() {
        List<String> undeclared = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            HandlerMethod method = entry.getValue();
            boolean declared = method.hasMethodAnnotation(RequiresPermission.class) || PermissionInterceptor.isPublic(method);
            if (!declared) {
                undeclared.add(entry.getKey() + " -> " + method.getShortLogMessage());
            }
        }
        assertThat(undeclared).as("handlers without @RequiresPermission or @PublicEndpoint").isEmpty();
    }

    @Test
    void noHandlerDeclaresBothPublicAndAPermission() {
        assertThat(mappings.getHandlerMethods().values())
                .filteredOn(method -> method.hasMethodAnnotation(RequiresPermission.class) && method.hasMethodAnnotation(PublicEndpoint.class))
                .isEmpty();
    }

    @Test
    void onlySignInLandingErrorOpenApiAndTestHandlersArePublic() {
        List<String> publicPaths = mappings.getHandlerMethods().entrySet().stream()
                .filter(entry -> PermissionInterceptor.isPublic(entry.getValue()))
                .flatMap(entry -> entry.getKey().getPatternValues().stream())
                .distinct().sorted().toList();
        assertThat(publicPaths).allMatch(path -> path.equals("/login") || path.equals("/") || path.startsWith("${server.error.path")
                || path.equals("/error") || path.startsWith("/api/openapi.json") || path.startsWith("/v3/api-docs")
                || path.startsWith("/swagger-ui") || path.startsWith("/test/"), "public paths are only sign-in, landing, error and OpenAPI: " + publicPaths);
    }
}
