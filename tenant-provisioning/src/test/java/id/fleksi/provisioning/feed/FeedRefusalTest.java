package id.fleksi.provisioning.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.provisioning.bundle.BundleSignatures;
import id.fleksi.provisioning.onboarding.NewTenant;
import id.fleksi.provisioning.testing.TestRealms;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The province refuses, storing nothing, a feed that is forged, signed by another key, for a tenant it did not hand over
 * or whose replica's key it does not have, malformed, too large, or of a day to come.
 */
class FeedRefusalTest extends FeedIntegration {

    @Test
    void aForgedFeedIsRefusedAndNothingIsStored() throws Exception {
        Tenant tenant = selfHosted();
        rows.checkIn(
                rows.employee(rows.unit("DINKES", "Dinas Kesehatan", null), "ACTIVE", null),
                day,
                "IN",
                "WFO",
                0,
                "",
                false);
        outbox.store(figures.of(tenant, day, Instant.now()), Instant.now());
        FeedOutbox.Waiting document = outbox.waiting(code).get(0);
        byte[] forged = new String(document.payload(), StandardCharsets.UTF_8)
                .replace("\"total\":1", "\"total\":9")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(forged).hasSameSizeAs(document.payload()).isNotEqualTo(document.payload()); // one byte changed

        HttpResponse<String> refused = post(forged, document.signature(), instanceKeys.publicKey());
        HttpResponse<String> garbled = post(document.payload(), new byte[64], instanceKeys.publicKey());

        assertProblem(refused, 403, "feed-signature-refused", "changed on the way");
        assertProblem(garbled, 403, "feed-signature-refused", "changed on the way");
        assertThat(count("feed_day")).isZero();
        assertThat(count("feed_day_opd")).isZero();
    }

    @Test
    void aFeedSignedByAnotherKeyIsRefusedAndNothingIsStored() throws Exception {
        Tenant tenant = selfHosted();
        rows.unit("DINKES", "Dinas Kesehatan", null);
        byte[] body = json.write(figures.of(tenant, day, Instant.now()));
        KeyPair stranger = BundleSignatures.generate();

        HttpResponse<String> refused =
                post(body, BundleSignatures.sign(stranger.getPrivate(), body), stranger.getPublic());

        assertProblem(
                refused,
                403,
                "feed-signature-refused",
                "not signed by the key registered for tenant '" + code + "' ("
                        + BundleSignatures.fingerprint(instanceKeys.publicKey()) + "), but by "
                        + BundleSignatures.fingerprint(stranger.getPublic()));
        assertThat(count("feed_day")).isZero();
    }

    @Test
    void theProvinceTakesAFeedOnlyForATenantHandedOverFromItSignedByTheKeyRegisteredForThatHandover() throws Exception {
        code = removeAfter(TestRealms.unique("feed"));
        Tenant active = onboarding
                .onboard(new NewTenant(code, "Kabupaten Umpan", TenantKind.KABUPATEN, null, "76.06", WITA))
                .tenant();
        byte[] body = json.write(new DailyFeed(1, code, day, Instant.now(), List.of()));
        byte[] signature = BundleSignatures.sign(instanceKeys.signingKey().getPrivate(), body);

        assertProblem(post(body, signature, instanceKeys.publicKey()), 403, "feed-not-expected", "not handed over");
        assertThatThrownBy(() -> replicaKeys.register(active.code(), instanceKeys.publicKey()))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("was not handed over");
        handovers.handOver(
                active.code(), "https://fleksi.example.go.id", OutputStream.nullOutputStream(), null, line -> {});
        assertProblem(
                post(body, signature, instanceKeys.publicKey()), 403, "feed-not-expected", "no key is registered");
        replicaKeys.register(active.code(), instanceKeys.publicKey());
        assertThat(post(body, signature, instanceKeys.publicKey()).statusCode()).isEqualTo(200);
        handovers.cancel(active.code());
        assertProblem(post(body, signature, instanceKeys.publicKey()), 403, "feed-not-expected", "not handed over");
        handovers.handOver(
                active.code(), "https://fleksi.example.go.id", OutputStream.nullOutputStream(), null, line -> {});
        assertProblem(
                post(body, signature, instanceKeys.publicKey()), 403, "feed-not-expected", "no key is registered");
        replicaKeys.register(
                active.code(), instanceKeys.publicKey()); // the key of this handover, not the cancelled one
        handovers.confirm(active.code());
        assertThat(post(body, signature, instanceKeys.publicKey()).statusCode())
                .as("confirmed")
                .isEqualTo(200);
        lifecycle.archive(active.code());
        assertThat(post(body, signature, instanceKeys.publicKey()).statusCode())
                .as("the province's copy archived")
                .isEqualTo(200);
        byte[] unknown = json.write(new DailyFeed(1, TestRealms.unique("nowhere"), day, Instant.now(), List.of()));
        assertProblem(
                post(
                        unknown,
                        BundleSignatures.sign(instanceKeys.signingKey().getPrivate(), unknown),
                        instanceKeys.publicKey()),
                403,
                "feed-not-expected",
                "no such tenant");
        assertThat(count("feed_day")).isEqualTo(1);
    }

    @Test
    void aFeedThatIsUnsignedMalformedTooLargeOrOfADayToComeIsRefusedAndNothingIsStored() throws Exception {
        Tenant tenant = selfHosted();
        rows.unit("DINKES", "Dinas Kesehatan", null);
        DailyFeed feed = figures.of(tenant, day, Instant.now());

        assertProblem(send(json.write(feed), null, null), 400, "feed-unsigned", "X-Fleksi-Signature");
        assertProblem(
                signed("{\"feed\":1,\"tenant\":\"" + code + "\",\"day\":\"" + day + "\"}"),
                400,
                "feed-unreadable",
                "is not a daily feed document");
        assertProblem(signed("{\"feed\":1,"), 400, "feed-unreadable", "is not a daily feed document");
        assertProblem(
                signed(new String(json.write(feed), StandardCharsets.UTF_8)
                        .replace("\"employees\":0", "\"employees\":null")),
                400,
                "feed-unreadable",
                "opds[0].employees");
        assertProblem(
                signed(json.write(new DailyFeed(
                        1,
                        code,
                        day,
                        Instant.now(),
                        List.of(new DailyFeed.Opd(
                                "DINKES", "Dinas", -1, null, checkIns(0, 0, 0, 0, 0), away(0, 0, 0, 0), 0, 0))))),
                422,
                "feed-invalid",
                "every count lies between 0");
        assertProblem(
                signed(json.write(new DailyFeed(2, code, day, Instant.now(), List.of()))),
                422,
                "feed-invalid",
                "reads version 1");
        assertProblem(
                signed(json.write(new DailyFeed(1, code, today.plusDays(2), Instant.now(), feed.opds()))),
                422,
                "feed-in-future",
                "has not begun");
        assertProblem(
                signed(json.write(new DailyFeed(1, code, day, Instant.now().plus(Duration.ofDays(1)), feed.opds()))),
                422,
                "feed-in-future",
                "is later than now");
        byte[] huge = ("{\"feed\":1,\"padding\":\"" + "x".repeat(FeedIntake.MAX_BYTES) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        assertProblem(signed(huge), 413, "feed-too-large", "at most 256 KB");
        assertThat(count("feed_day")).isZero();
    }

    @Test
    void onlyAFeedsPostGoesWithoutATokenAndNothingBesideIt() throws Exception {
        assertThat(send("{}".getBytes(StandardCharsets.UTF_8), null, null).statusCode())
                .as("the feed: a problem of its own")
                .isEqualTo(400);
        assertThat(api(null)
                        .get()
                        .uri(DailyFeed.PATH)
                        .retrieve()
                        .toBodilessEntity()
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        assertThat(api(null)
                        .post()
                        .uri(DailyFeed.PATH + "/more")
                        .body("{}")
                        .retrieve()
                        .toBodilessEntity()
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        assertThat(api(null)
                        .post()
                        .uri("/api/v1/feeds/weekly")
                        .body("{}")
                        .retrieve()
                        .toBodilessEntity()
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        assertThat(api(null)
                        .get()
                        .uri("/api/v1/platform/feeds/mateng")
                        .retrieve()
                        .toBodilessEntity()
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
    }
}
