package dev.greenlight.server.dashboard;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import dev.greenlight.server.platform.CurrentCaller;
import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.ProblemKind;

/**
 * Errors of the pages a person opens (not of their forms, whose refusals stay problem+json like the API's): no
 * session leads to the sign-in page, anything else to an error page with the problem's detail, never a stack trace.
 * Ordered first, so that it wins over the application-wide problem+json handler for these controllers.
 */
@ControllerAdvice(assignableTypes = {ProjectsPageController.class, ProjectPageController.class, ReleasePageController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    @ExceptionHandler(GreenlightException.class)
    String refused(GreenlightException exception, HttpServletResponse response, Model model) {
        if (exception.kind() == ProblemKind.UNAUTHENTICATED) {
            return "redirect:/login";
        }
        response.setStatus(exception.kind().status().value());
        CurrentCaller.find().ifPresent(caller -> model.addAttribute("caller", caller));
        model.addAttribute("status", exception.kind().status().value());
        model.addAttribute("title", exception.kind().title());
        model.addAttribute("detail", exception.getMessage());
        return "dashboard/error";
    }
}
