package io.fleetdeck.app.service;

import io.fleetdeck.api.error.CertificateStateException;
import io.fleetdeck.api.error.DeleteConflictException;
import io.fleetdeck.api.error.FleetApiException;
import io.fleetdeck.api.error.InternalFailureException;
import io.fleetdeck.api.error.InvalidQueryException;
import io.fleetdeck.api.error.InvalidRequestException;
import io.fleetdeck.api.error.LimitExceededException;
import io.fleetdeck.api.error.MalformedPolicyException;
import io.fleetdeck.api.error.ResourceAlreadyExistsException;
import io.fleetdeck.api.error.ResourceNotFoundException;
import io.fleetdeck.api.error.ThrottlingException;
import io.fleetdeck.api.error.VersionConflictException;
import io.fleetdeck.api.error.VersionsLimitExceededException;
import io.fleetdeck.fleet.identity.IdentityException;
import io.fleetdeck.fleet.registry.RegistryException;
import io.fleetdeck.fleet.store.StoreException;
import io.fleetdeck.index.QueryException;
import org.jspecify.annotations.Nullable;

/** The services' refusals in the API's types: the same AWS code the service chose, and its words unchanged. */
final class ApiErrors {

    private ApiErrors() {}

    static FleetApiException of(RegistryException refused) {
        String message = String.valueOf(refused.getMessage());
        return switch (refused.code()) {
            case RegistryException.NOT_FOUND -> new ResourceNotFoundException(message);
            case RegistryException.ALREADY_EXISTS -> new ResourceAlreadyExistsException(message);
            case RegistryException.VERSION_CONFLICT -> new VersionConflictException(message);
            case RegistryException.LIMIT_EXCEEDED -> new LimitExceededException(message);
            case RegistryException.INVALID_QUERY -> new InvalidQueryException(message);
            default -> new InvalidRequestException(message);
        };
    }

    /** The identity registry's refusals: its codes are AWS's already. */
    static FleetApiException of(IdentityException refused) {
        String message = String.valueOf(refused.getMessage());
        return switch (refused.code()) {
            case IdentityException.NOT_FOUND -> new ResourceNotFoundException(message);
            case IdentityException.ALREADY_EXISTS -> new ResourceAlreadyExistsException(message);
            case IdentityException.CERTIFICATE_STATE -> new CertificateStateException(message);
            case IdentityException.MALFORMED_POLICY -> new MalformedPolicyException(message);
            case IdentityException.VERSIONS_LIMIT -> new VersionsLimitExceededException(message);
            case IdentityException.DELETE_CONFLICT -> new DeleteConflictException(message);
            default -> new InvalidRequestException(message);
        };
    }

    /** A fleet query that does not parse, saying where. */
    static InvalidQueryException of(QueryException refused) {
        return new InvalidQueryException(String.valueOf(refused.getMessage()), refused.query(), refused.position());
    }

    /** A store that refuses writes (a full disk) asks the caller to come back; one that fails is an internal failure. */
    static FleetApiException of(StoreException failed) {
        String message = String.valueOf(failed.getMessage());
        return failed.getCause() == null ? new ThrottlingException(message) : new InternalFailureException(message);
    }

    /** A registry, dynamic group or store call whose refusal or failure the caller sees as the API's error. */
    interface RegistryCall<T extends @Nullable Object> {
        T run() throws RegistryException, QueryException;
    }

    static <T extends @Nullable Object> T call(RegistryCall<T> call) throws FleetApiException {
        try {
            return call.run();
        } catch (RegistryException refused) {
            throw of(refused);
        } catch (QueryException refused) {
            throw of(refused);
        } catch (StoreException failed) {
            throw of(failed);
        }
    }
}
