/**
 * Access control: roles granted per project or workspace-wide, and the check of every handler's declared
 * permission against the caller's roles and credential scopes.
 */
@NullMarked
package dev.greenlight.server.access;

import org.jspecify.annotations.NullMarked;
