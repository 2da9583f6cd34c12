package dev.greenlight.server.testing;

import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

/**
 * What a browser (or a script that signs in with a password) keeps between requests: its cookies. Sends them on
 * every request and takes the server's Set-Cookie answers, the way a cookie jar does; everything else is explicit, so
 * tests decide when a CSRF token goes along.
 */
public final class BrowserSession {
    public static final String SESSION_COOKIE = "GREENLIGHT_SESSION";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern HIDDEN_CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>");
    private static final String PAGE = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8";
    private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");

    private final String baseUrl;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    public BrowserSession(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A browser that presents a session cookie it kept, e.g. one copied before signing out. */
    public static BrowserSession presenting(String baseUrl, String sessionId) {
        BrowserSession browser = new BrowserSession(baseUrl);
        browser.cookies.put(SESSION_COOKIE, sessionId);
        return browser;
    }

    public Optional<String> sessionId() {
        return Optional.ofNullable(cookies.get(SESSION_COOKIE));
    }

    /** Fetches the sign-in page (which starts a session) and returns the CSRF token of its form. */
    public String csrfTokenFromSignInPage() {
        HttpResult page = get("/login");
        if (page.status() != 200) {
            throw new IllegalStateException("the sign-in page answered " + page);
        }
        return csrfTokenIn(page.body());
    }

    /** The value of the hidden {@code _csrf} input of an HTML page. */
    public static String csrfTokenIn(String html) {
        Matcher input = HIDDEN_CSRF_INPUT.matcher(html);
        if (!input.find()) {
            throw new IllegalStateException("the page has no hidden _csrf input:\n" + html);
        }
        Matcher value = VALUE.matcher(input.group());
        if (!value.find() || value.group(1).isEmpty()) {
            throw new IllegalStateException("the _csrf input has no value: " + input.group());
        }
        return value.group(1);
    }

    /** Posts the sign-in form as a script would (no {@code Accept: text/html}), with the given CSRF token or none. */
    public HttpResult signIn(String workspace, String username, String password, String csrfToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("workspace", workspace);
        form.put("username", username);
        form.put("password", password);
        if (csrfToken != null) {
            form.put("_csrf", csrfToken);
        }
        return postForm("/login", form);
    }

    /** Fetches a fresh CSRF token and signs in to the default workspace with it; fails unless that succeeds. */
    public void signInOrFail(String username, String password) {
        HttpResult signedIn = signIn("default", username, password, csrfTokenFromSignInPage());
        if (signedIn.status() != 200) {
            throw new IllegalStateException("sign-in of '" + username + "' failed: " + signedIn);
        }
    }

    public HttpResult get(String path) {
        return send(request(path).GET());
    }

    /** A page as a browser asks for it. */
    public HttpResult getPage(String path) {
        return send(request(path).header("Accept", PAGE).GET());
    }

    public HttpResult postForm(String path, Map<String, String> fields) {
        return send(formPost(path, fields));
    }

    /** Submits a form as a browser does, asking for a page in return. */
    public HttpResult submitForm(String path, Map<String, String> fields) {
        return send(formPost(path, fields).header("Accept", PAGE));
    }

    private HttpRequest.Builder formPost(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** A JSON API call riding on the session cookie, with extra headers given as name, value pairs. */
    public HttpResult sendJson(String method, String path, Object body, String... headers) {
        HttpRequest.Builder request = request(path);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return send(request);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream()
                    .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return request;
    }

    private HttpResult send(HttpRequest.Builder request) {
        HttpResult result = Api.send(request.build());
        for (String header : result.headers().allValues("Set-Cookie")) {
            for (HttpCookie cookie : HttpCookie.parse("Set-Cookie: " + header)) {
                if (cookie.getMaxAge() == 0) {
                    cookies.remove(cookie.getName());
                } else {
                    cookies.put(cookie.getName(), cookie.getValue());
                }
            }
        }
        return result;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
