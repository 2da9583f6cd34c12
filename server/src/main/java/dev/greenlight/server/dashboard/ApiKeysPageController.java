package dev.greenlight.server.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.greenlight.server.platform.CurrentCaller;
import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.RequiresPermission;

/**
 * The caller's own API keys, newest first, {@link ApiKeyPageModel#PAGE_SIZE} a page, with the forms to create one and
 * to revoke each (see {@link ApiKeysFormsController}).
 */
@Controller
class ApiKeysPageController {
    static final String PATH = "/settings/api-keys";

    private final ApiKeyPageModel page;

    ApiKeysPageController(ApiKeyPageModel page) {
        this.page = page;
    }

    @GetMapping(PATH)
    @RequiresPermission(Permission.API_KEYS_OWN)
    String apiKeys(@RequestParam(required = false) @Nullable String cursor, Model model) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("name", "");
        form.put("scopes", List.of());
        form.put("expiresOn", "");
        page.fill(model, CurrentCaller.require(), cursor, form, Map.of());
        return "dashboard/api-keys";
    }

    /** Like {@link PageErrors}: no session leads to the sign-in page, anything else to the error page. */
    @ExceptionHandler(GreenlightException.class)
    String refused(GreenlightException exception, HttpServletResponse response, Model model) {
        return LedgerPageController.errorPage(exception, response, model);
    }
}
