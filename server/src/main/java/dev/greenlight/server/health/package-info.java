/** Version health: samples of a version's traffic from Prometheus or pushed metrics, and canary analysis over them. */
@NullMarked
package dev.greenlight.server.health;

import org.jspecify.annotations.NullMarked;
