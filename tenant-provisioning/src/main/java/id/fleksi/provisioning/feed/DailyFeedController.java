package id.fleksi.provisioning.feed;

import id.fleksi.platform.problem.Problem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where a self-hosted replica delivers its daily figures to the province. Machine to machine: no user and no token (the
 * security configuration lets exactly this address and method through); the feed's signature authenticates it, checked
 * over the exact bytes received, which is why the body is read here as bytes, and at most {@value FeedIntake#MAX_BYTES}.
 */
@RestController
@Tag(name = "Feeds", description = "Daily figures from self-hosted replicas to the province; signed, no token")
class DailyFeedController {

    private final FeedIntake intake;

    DailyFeedController(FeedIntake intake) {
        this.intake = intake;
    }

    @Operation(
            operationId = "receiveDailyFeed",
            summary = "Receive a self-hosted tenant's daily figures",
            description =
                    "Counts per OPD for one day of a tenant handed over from this Fleksi, signed by the key registered"
                            + " for its replica (Ed25519 over the exact body). The same day sent again replaces its figures; figures"
                            + " counted earlier than those already here change nothing. A refusal stores nothing. See docs/feed.md.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = DailyFeed.class))))
    @PostMapping(path = DailyFeed.PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    FeedIntake.Receipt receive(
            @Parameter(required = true, description = "base64 of the Ed25519 signature over the body")
                    @RequestHeader(name = DailyFeed.SIGNATURE_HEADER, required = false)
                    String signature,
            @Parameter(description = "the signing key's fingerprint (SHA256:...), named in a refusal")
                    @RequestHeader(name = DailyFeed.SIGNER_HEADER, required = false)
                    String signer,
            HttpServletRequest request)
            throws IOException {
        return intake.accept(body(request), signature, signer, Instant.now());
    }

    private static byte[] body(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > FeedIntake.MAX_BYTES) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(FeedIntake.MAX_BYTES + 1); // a body without a length is held to it as well
            if (body.length > FeedIntake.MAX_BYTES) {
                throw tooLarge();
            }
            return body;
        }
    }

    private static Problem tooLarge() {
        return new Problem(
                Problem.Kind.TOO_LARGE,
                "feed-too-large",
                "Feed too large",
                "A daily feed is at most " + FeedIntake.MAX_BYTES / 1024 + " KB. Nothing was stored.");
    }
}
