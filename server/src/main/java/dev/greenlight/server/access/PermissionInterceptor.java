package dev.greenlight.server.access;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.CurrentCaller;
import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.ProblemKind;
import dev.greenlight.server.platform.PublicEndpoint;
import dev.greenlight.server.platform.PublicWhen;
import dev.greenlight.server.platform.RequiresPermission;

/**
 * Enforces each handler's declared permission before it runs. Fails closed: a handler that declares nothing is
 * refused (and PermissionDeclarationTest fails the build before that can ship).
 */
class PermissionInterceptor implements HandlerInterceptor {
    private static final Logger log = LoggerFactory.getLogger(PermissionInterceptor.class);
    static final String PROJECT_VARIABLE = "project";

    private final AccessPolicy policy;
    private final Environment environment;

    PermissionInterceptor(AccessPolicy policy, Environment environment) {
        this.policy = policy;
        this.environment = environment;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        if (isPublic(method) || isOpenedBySetting(method)) {
            return true;
        }
        RequiresPermission required = method.getMethodAnnotation(RequiresPermission.class);
        if (required == null) {
            log.error("handler {} declares no permission; refusing the request", method.getShortLogMessage());
            throw GreenlightException.forbidden("This endpoint declares no permission and is refused.");
        }
        Caller caller = CurrentCaller.find().orElseThrow(() -> new GreenlightException(ProblemKind.UNAUTHENTICATED,
                "Sign in or present a valid API key or token in the Authorization header."));
        policy.check(caller, required.value(), projectOf(request));
        return true;
    }

    static boolean isPublic(HandlerMethod method) {
        return method.hasMethodAnnotation(PublicEndpoint.class)
                || method.getBeanType().isAnnotationPresent(PublicEndpoint.class)
                || isOpenApiDocument(method);
    }

    private boolean isOpenedBySetting(HandlerMethod method) {
        PublicWhen publicWhen = method.getMethodAnnotation(PublicWhen.class);
        return publicWhen != null && environment.getProperty(publicWhen.value(), Boolean.class, false);
    }

    /** springdoc's handlers serve the OpenAPI document, which describes the API and holds no data. */
    static boolean isOpenApiDocument(HandlerMethod method) {
        return method.getBeanType().getPackageName().startsWith("org.springdoc");
    }

    @SuppressWarnings("unchecked")
    private static String projectOf(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables instanceof Map<?, ?> map ? ((Map<String, String>) map).get(PROJECT_VARIABLE) : null;
    }
}
