package dev.greenlight.server.dashboard;

/**
 * Draws a flat two-part badge in the style of shields.io: a grey label on the left, the state in its colour on the
 * right. The text is escaped, although today it only ever comes from {@link BadgeState}.
 */
final class BadgeSvg {
    private static final String LABEL = "greenlight";
    /** Roughly the advance of an 11px sans-serif character; badges need not be typeset exactly. */
    private static final double CHARACTER_WIDTH = 6.5;
    private static final int PADDING = 10;

    private BadgeSvg() {
    }

    static String of(BadgeState state) {
        String message = state.label();
        int left = width(LABEL);
        int right = width(message);
        int total = left + right;
        String title = escape(LABEL + ": " + message);
        return """
                <svg xmlns="http://www.w3.org/2000/svg" width="%d" height="20" role="img" aria-label="%s">\
                <title>%s</title>\
                <rect width="%d" height="20" fill="#555"/>\
                <rect x="%d" width="%d" height="20" fill="%s"/>\
                <g fill="#fff" text-anchor="middle" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">\
                <text x="%d" y="14">%s</text>\
                <text x="%d" y="14">%s</text>\
                </g></svg>
                """.formatted(total, title, title, left, left, right, state.color(),
                left / 2, escape(LABEL), left + right / 2, escape(message));
    }

    private static int width(String text) {
        return (int) Math.ceil(text.length() * CHARACTER_WIDTH) + PADDING;
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char character : text.toCharArray()) {
            switch (character) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(character);
            }
        }
        return escaped.toString();
    }
}
