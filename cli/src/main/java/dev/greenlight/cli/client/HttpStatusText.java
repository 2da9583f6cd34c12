package dev.greenlight.cli.client;

/** Reason phrases for statuses whose response carries no problem title; HTTP/2 has no reason phrase at all. */
final class HttpStatusText {
    private HttpStatusText() {
    }

    static String of(int status) {
        return switch (status) {
            case 301, 302, 303, 307, 308 -> "Redirect";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Unexpected HTTP status";
        };
    }
}
