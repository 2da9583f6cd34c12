package dev.greenlight.server.dashboard;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * Badge settings ({@code GREENLIGHT_BADGES_*}).
 *
 * @param open {@code greenlight.badges.public}: whether readiness badges need no credentials, so that a README on a
 *     public site can show them; off, a badge needs project:read like the release page. ({@code public} is a Java
 *     keyword, hence the component's other name.)
 */
@ConfigurationProperties("greenlight.badges")
record BadgeProperties(@Name("public") @DefaultValue("false") boolean open) {
    /** The property {@link dev.greenlight.server.platform.PublicWhen} reads. */
    static final String PUBLIC = "greenlight.badges.public";
}
