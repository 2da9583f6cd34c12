/** Commands that approve a release for an environment, list its approvals and withdraw one's own. */
@NullMarked
package dev.greenlight.cli.approvals;

import org.jspecify.annotations.NullMarked;
