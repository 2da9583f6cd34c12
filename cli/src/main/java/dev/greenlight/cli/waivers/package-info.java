/** Commands that request waivers of gate rules, decide them and list them. */
@NullMarked
package dev.greenlight.cli.waivers;

import org.jspecify.annotations.NullMarked;
