package id.fleksi.platform.users;

import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/t/{code}")
class MeController {

    private final AppUserRepository users;

    MeController(AppUserRepository users) {
        this.users = users;
    }

    record Me(String tenant, String username, Set<String> roles, Instant firstSeenAt, long visits) {}

    record KnownUser(String username, Instant firstSeenAt, Instant lastSeenAt, long visits) {}

    @Operation(summary = "Who am I", description = "The caller's tenant, username and roles; records the visit.")
    @GetMapping("/me")
    Me me(@PathVariable String code, Caller caller) {
        users.recordVisit(caller.subject(), caller.username());
        AppUser seen = users.findBySubject(caller.subject());
        return new Me(
                TenantContext.require().value(), caller.username(), caller.roles(), seen.firstSeenAt(), seen.visits());
    }

    @Operation(summary = "Users who have used Fleksi in this tenant", description = "Role tenant-admin.")
    @PreAuthorize("hasRole('tenant-admin')")
    @GetMapping("/users")
    List<KnownUser> users(@PathVariable String code) {
        return users.findAllByOrderByUsername().stream()
                .map(u -> new KnownUser(u.username(), u.firstSeenAt(), u.lastSeenAt(), u.visits()))
                .toList();
    }
}
