package id.fleksi.provisioning.onboarding;

import id.fleksi.platform.tenancy.Tenant;
import java.time.Duration;
import java.util.Map;

/**
 * A tenant just onboarded, with its first admin's one-time password (shown once, never stored by Fleksi)
 * and how long each step took.
 */
public record Onboarded(Tenant tenant, String adminUsername, String oneTimePassword, Map<String, Duration> timings) {}
