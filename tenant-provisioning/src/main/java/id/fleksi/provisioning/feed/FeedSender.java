package id.fleksi.provisioning.feed;

import id.fleksi.provisioning.bundle.BundleSignatures;
import id.fleksi.provisioning.bundle.InstanceKeys;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Posts the outbox's waiting documents to the province, each tenant's oldest first. A tenant's turn comes when its oldest
 * waiting day is due; a failure that says nothing of the document (no connection, a timeout, a 5xx, a refusal of the
 * signer or the tenant) ends it, and that day waits longer each time ({@link FeedOutbox#backoff}), so the days never
 * overtake one another. A refusal of the document itself (400, 413, 422: say a day the province thinks has not begun)
 * waits the same way, but the later days still go in the same turn: one document the province will not take does not
 * stop the tenant's feed. Several replicas of one instance may run this at once: a tenant is sent by one of them at a
 * time.
 */
class FeedSender {

    private static final Logger log = LoggerFactory.getLogger(FeedSender.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    /** What one round did. */
    record Round(List<FeedOutbox.Waiting> sent, List<String> failures) {}

    /** Why a document was not delivered, and whether the days after it may still go. */
    private record Failure(String reason, boolean ofThisDocumentOnly) {}

    private final FeedOutbox outbox;
    private final InstanceKeys keys;
    private final URI endpoint;
    private final TransactionTemplate transactions;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    FeedSender(FeedOutbox outbox, InstanceKeys keys, DataSource dataSource, URI endpoint) {
        this.outbox = outbox;
        this.keys = keys;
        this.endpoint = endpoint;
        this.transactions = new TransactionTemplate(new JdbcTransactionManager(dataSource));
    }

    /** Sends what is due at {@code now}. */
    Round sendDue(Instant now) {
        List<FeedOutbox.Waiting> sent = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        String signer = BundleSignatures.fingerprint(keys.publicKey());
        for (String tenant : outbox.tenantsDue(now)) {
            // The outbox's updates commit together at the end of the tenant's turn; a crash before sends them again,
            // which the province takes as the same day once more.
            transactions.executeWithoutResult(status -> {
                if (!outbox.lockTenant(tenant)) {
                    return; // another replica of this instance is sending them
                }
                List<FeedOutbox.Waiting> waiting = outbox.waiting(tenant);
                if (waiting.isEmpty() || waiting.get(0).nextAttemptAt().isAfter(now)) {
                    return; // another replica sent them, or failed and set the next try, since we looked
                }
                for (FeedOutbox.Waiting document : waiting) {
                    Failure failure = post(document, signer);
                    if (failure == null) {
                        outbox.sent(document, now);
                        sent.add(document);
                        continue;
                    }
                    Instant next = outbox.failed(document, failure.reason(), now);
                    failures.add(tenant + " " + document.day() + ": " + failure.reason());
                    log.warn(
                            "Feed of {} for {} not delivered ({}); next try at {}",
                            tenant,
                            document.day(),
                            failure.reason(),
                            next);
                    if (!failure.ofThisDocumentOnly()) {
                        return; // the later days wait behind this one
                    }
                }
            });
        }
        return new Round(sent, failures);
    }

    /** Null when the province took it; otherwise why not, for the log and the outbox. */
    private Failure post(FeedOutbox.Waiting document, String signer) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(ANSWER_TIMEOUT)
                .header("Content-Type", "application/json")
                .header(DailyFeed.SIGNATURE_HEADER, Base64.getEncoder().encodeToString(document.signature()))
                .header(DailyFeed.SIGNER_HEADER, signer)
                .POST(HttpRequest.BodyPublishers.ofByteArray(document.payload()))
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() / 100 == 2) {
                    return null;
                }
                // The problem's detail says why (a key not registered yet, a clock ahead); a page of HTML says little
                // more.
                int status = response.statusCode();
                return new Failure(
                        "the province answered " + status + " "
                                + new String(body.readNBytes(400), StandardCharsets.UTF_8),
                        status == 400 || status == 413 || status == 422);
            }
        } catch (ConnectException e) {
            return new Failure("no answer from " + endpoint + " (connection refused or unreachable)", false);
        } catch (IOException e) {
            return new Failure(
                    "no answer from " + endpoint + ": "
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                    false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failure("interrupted", false);
        }
    }
}
