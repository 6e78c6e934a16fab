package id.fleksi.provisioning.onboarding;

/** Onboarding stopped part way; everything it had made was removed again. */
public class OnboardingFailedException extends RuntimeException {

    private final boolean identityProviderDown;

    public OnboardingFailedException(String message, boolean identityProviderDown, Throwable cause) {
        super(message, cause);
        this.identityProviderDown = identityProviderDown;
    }

    public boolean identityProviderDown() {
        return identityProviderDown;
    }
}
