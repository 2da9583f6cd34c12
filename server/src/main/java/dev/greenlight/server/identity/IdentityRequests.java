package dev.greenlight.server.identity;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/** The JSON bodies the identity API accepts, validated at the edge. */
final class IdentityRequests {
    private IdentityRequests() {
    }

    record CreateUser(
            @NotNull @Pattern(regexp = Names.PRINCIPAL_NAME, message = Names.PRINCIPAL_NAME_MESSAGE) String name,
            @Nullable @Size(max = 200) String displayName,
            @Nullable @Email @Size(max = 320) String email,
            @Nullable @Size(min = PasswordHashing.MINIMUM_LENGTH, max = PasswordHashing.MAXIMUM_LENGTH) String password,
            @Nullable @Size(min = 1, max = 255) String oidcSubject) {

        @Override
        public String toString() {
            return "CreateUser[name=" + name + ", password=***]";
        }
    }

    record CreateServiceAccount(
            @NotNull @Pattern(regexp = Names.PRINCIPAL_NAME, message = Names.PRINCIPAL_NAME_MESSAGE) String name,
            @Nullable @Size(max = 200) String displayName,
            @Nullable @Size(max = 1000) String description,
            @Nullable @Size(min = 1, max = 255) String oidcSubject) {
    }

    record SetPassword(
            @NotNull @Size(min = PasswordHashing.MINIMUM_LENGTH, max = PasswordHashing.MAXIMUM_LENGTH) String password) {

        @Override
        public String toString() {
            return "SetPassword[***]";
        }
    }

    record ChangeOwnPassword(
            @NotBlank @Size(max = PasswordHashing.MAXIMUM_LENGTH) String currentPassword,
            @NotNull @Size(min = PasswordHashing.MINIMUM_LENGTH, max = PasswordHashing.MAXIMUM_LENGTH) String newPassword) {

        @Override
        public String toString() {
            return "ChangeOwnPassword[***]";
        }
    }

    record CreateApiKey(
            @NotBlank @Size(max = 100) String name,
            @Nullable @Size(min = 1, max = 50) List<@NotBlank String> scopes,
            @Nullable Instant expiresAt) {

        List<String> scopesOrAll() {
            return scopes == null ? List.of(ApiKeys.ALL_SCOPES) : scopes;
        }
    }
}
