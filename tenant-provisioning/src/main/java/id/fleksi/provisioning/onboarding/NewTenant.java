package id.fleksi.provisioning.onboarding;

import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.TenantKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a platform operator gives to onboard a pemda.
 *
 * @param code       tenant code: realm name and (prefixed) schema name, e.g. {@code mateng}
 * @param name       display name, e.g. "Kabupaten Mamuju Tengah"
 * @param kind       PROVINCE, KABUPATEN or KOTA
 * @param parent     the province hosting a kabupaten or kota, e.g. {@code sulbar}; none for a province
 * @param regionCode official Kemendagri region code, e.g. {@code 76.06}
 * @param timeZone   WIB, WITA or WIT
 */
public record NewTenant(
        @NotBlank(message = "is required") String code,

        @NotBlank(message = "is required") @Size(max = 200, message = "has at most 200 characters")
        String name,

        @NotNull(message = "is required: PROVINCE, KABUPATEN or KOTA")
        TenantKind kind,

        String parent,

        @NotBlank(message = "is required")
        @Pattern(
                regexp = "\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?",
                message = "is a Kemendagri region code such as 76 or 76.06")
        String regionCode,

        @NotNull(message = "is required: WIB, WITA or WIT") RegionTimeZone timeZone) {}
