/**
 * Waivers: one gate rule suspended for one release in one environment, with a reason, a ticket and an expiry,
 * requested by one person and approved by another who is a security lead or release captain of the project.
 */
@NullMarked
package dev.greenlight.server.waivers;

import org.jspecify.annotations.NullMarked;
