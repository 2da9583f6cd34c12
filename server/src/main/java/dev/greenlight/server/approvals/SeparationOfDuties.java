package dev.greenlight.server.approvals;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.greenlight.server.access.Role;
import dev.greenlight.server.access.RoleGrants;
import dev.greenlight.server.identity.Principal;
import dev.greenlight.server.identity.Principals;
import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.PrincipalKind;
import dev.greenlight.server.projects.Environment;
import dev.greenlight.server.releases.Release;

/**
 * Who may approve a release for an environment: someone who holds the role they approve as, and who neither
 * registered the release, nor wrote it, nor asked to promote it.
 */
@Component
class SeparationOfDuties {
    /** {@code Name <email>}, the way git writes an author. */
    private static final Pattern NAME_AND_EMAIL = Pattern.compile("^(.*?)\\s*<([^<>]+)>$");

    private final RoleGrants grants;
    private final Principals principals;
    private final ObjectProvider<PromotionRequesters> promotionRequesters;

    SeparationOfDuties(RoleGrants grants, Principals principals, ObjectProvider<PromotionRequesters> promotionRequesters) {
        this.grants = grants;
        this.principals = principals;
        this.promotionRequesters = promotionRequesters;
    }

    void requireMayApprove(Caller caller, Release release, Environment environment, Role role, String projectSlug) {
        if (!grants.rolesOn(caller.workspaceId(), caller.principalId(), release.projectId()).contains(role)) {
            throw GreenlightException.forbidden("You do not hold the role '" + role.wireName() + "' on project '" + projectSlug
                    + "', so you cannot approve as it.");
        }
        if (release.createdBy().equals(caller.principalId())) {
            throw GreenlightException.forbidden("Separation of duties: you registered release '" + release.version()
                    + "', so someone else must approve it.");
        }
        Principal principal = principals.findById(caller.workspaceId(), caller.principalId()).orElseThrow(
                () -> new IllegalStateException("the caller's principal " + caller.principalId() + " does not exist"));
        if (isAuthor(release.author(), principal)) {
            throw GreenlightException.forbidden("Separation of duties: you are the author of release '" + release.version()
                    + "', so someone else must approve it.");
        }
        // Promotions do not exist yet: without the port nobody has requested one.
        PromotionRequesters requesters = promotionRequesters.getIfAvailable();
        if (requesters != null && requesters.requestedPromotion(release, environment, caller.principalId())) {
            throw GreenlightException.forbidden("Separation of duties: you requested the promotion of release '" + release.version()
                    + "' to '" + environment.name() + "', so someone else must approve it.");
        }
    }

    /**
     * Whether the release's author names this principal: its name, or a user's e-mail address, ignoring case, alone
     * or in git's {@code Name <email>} form.
     */
    static boolean isAuthor(@Nullable String author, Principal principal) {
        if (author == null || author.isBlank()) {
            return false;
        }
        String written = author.strip();
        Matcher nameAndEmail = NAME_AND_EMAIL.matcher(written);
        if (nameAndEmail.matches()) {
            return names(nameAndEmail.group(1), principal) || names(nameAndEmail.group(2), principal);
        }
        return names(written, principal);
    }

    private static boolean names(String text, Principal principal) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        Optional<String> email = principal.kind() == PrincipalKind.USER ? Optional.ofNullable(principal.email()) : Optional.empty();
        return lower.equals(principal.name().toLowerCase(Locale.ROOT))
                || email.map(address -> address.strip().toLowerCase(Locale.ROOT).equals(lower)).orElse(false);
    }
}
