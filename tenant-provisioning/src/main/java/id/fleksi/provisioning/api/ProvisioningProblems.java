package id.fleksi.provisioning.api;

import id.fleksi.platform.web.ProblemDetails;
import id.fleksi.provisioning.onboarding.OnboardingFailedException;
import id.fleksi.provisioning.realm.RealmUnavailableException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problems for provisioning failures, ahead of the general handler. */
@RestControllerAdvice
@Order(0)
class ProvisioningProblems {

    @ExceptionHandler(OnboardingFailedException.class)
    ProblemDetail onboardingFailed(OnboardingFailedException e) {
        if (e.identityProviderDown()) {
            return ProblemDetails.of(
                    HttpStatus.SERVICE_UNAVAILABLE.value(),
                    "identity-provider-unavailable",
                    "Keycloak unavailable",
                    e.getMessage() + " Start Keycloak (or check fleksi.keycloak-admin.url) and try again.");
        }
        return ProblemDetails.of(
                HttpStatus.INTERNAL_SERVER_ERROR.value(),
                "onboarding-failed",
                "Onboarding failed",
                e.getMessage() + " Fix the cause and repeat the same request.");
    }

    @ExceptionHandler(RealmUnavailableException.class)
    ProblemDetail realmUnavailable(RealmUnavailableException e) {
        return ProblemDetails.of(
                HttpStatus.SERVICE_UNAVAILABLE.value(),
                "identity-provider-unavailable",
                "Keycloak unavailable",
                e.getMessage() + ". Nothing was changed; try again when Keycloak answers.");
    }
}
