package dev.greenlight.server.identity;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.PrincipalKind;

/**
 * Turns a verified ID token into the person it stands for, with the same rule as bearer JWTs ({@link OidcSubjects});
 * a dashboard session is a person's, so a subject linked to a service account is refused, like a service account's
 * password sign-in would be. Nobody is created: an unknown subject is refused.
 */
final class OidcSignInUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {
    static final String UNLINKED_SUBJECT = "greenlight_unlinked_subject";
    static final String NOT_A_PERSON = "greenlight_not_a_person";
    static final String CREDENTIAL = "session";

    private final OidcSubjects subjects;

    OidcSignInUsers(OidcSubjects subjects) {
        this.subjects = subjects;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        String subject = request.getIdToken().getSubject();
        Caller caller = subjects.callerFor(subject, CREDENTIAL).orElseThrow(() -> new UnlinkedSubjectException(subject));
        if (caller.kind() != PrincipalKind.USER) {
            throw new OAuth2AuthenticationException(new OAuth2Error(NOT_A_PERSON,
                    "The subject is linked to a service account, which cannot sign in to the dashboard.", null));
        }
        return new SignedInOidcUser(caller, request.getIdToken());
    }

    /** Carries the subject to the sign-in page, so that the person can tell an administrator what to link. */
    static final class UnlinkedSubjectException extends OAuth2AuthenticationException {
        private final String subject;

        UnlinkedSubjectException(String subject) {
            super(new OAuth2Error(UNLINKED_SUBJECT, "No Greenlight user is linked to the subject of this sign-in.", null));
            this.subject = subject;
        }

        String subject() {
            return subject;
        }
    }
}
