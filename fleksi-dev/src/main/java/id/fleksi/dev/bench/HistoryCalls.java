package id.fleksi.dev.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Supplier;

/**
 * The calls {@code bench-history} times on one tenant, each made by the next of its callers in turn: the ASN's (a
 * check-out, their month, their reports of the month, their FWA schedule for the month) and the supervisor's (the team's
 * day and month, the report review queue, the flagged check-ins of the last 7 days, the team's FWA schedule). A call that does
 * not answer 2xx stops the bench: a refused call would be timed as a cheap one.
 */
record HistoryCalls(
        String base,
        String code,
        LocalDate today,
        Map<String, String> tokens,
        List<String> asn,
        List<String> supervisors,
        HttpClient http,
        AtomicInteger turn,
        AtomicLongArray bytes) {

    static final List<String> NAMES = List.of(
            "check_out",
            "my_month",
            "my_reports",
            "my_fwa_schedule",
            "team_day",
            "team_month",
            "report_review",
            "location_review",
            "team_fwa_schedule");

    static HistoryCalls of(
            String base,
            String code,
            LocalDate today,
            List<String> tokenLines,
            List<String> asn,
            List<String> supervisors) {
        Map<String, String> tokens = new HashMap<>();
        for (String line : tokenLines) {
            String[] parts = line.split(" ");
            tokens.put(parts[1], parts[2]);
        }
        return new HistoryCalls(
                base,
                code,
                today,
                tokens,
                asn,
                supervisors,
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                new AtomicInteger(),
                new AtomicLongArray(NAMES.size()));
    }

    /** The calls in {@link #NAMES}' order. */
    List<Supplier<Object>> calls(YearMonth month) {
        String api = "/api/v1/t/" + code + "/";
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        String span = "from=" + first + "&to=" + last;
        return List.of(
                () -> post(0, asn, api + "attendance/check-ins"),
                () -> get(1, asn, api + "attendance/months/" + month),
                () -> get(2, asn, api + "activity-reports/days?from=" + first + "&to=" + today),
                () -> get(3, asn, api + "fwa/schedule?" + span),
                () -> get(4, supervisors, api + "attendance/team?date=" + today),
                () -> get(5, supervisors, api + "attendance/team/months/" + month),
                () -> get(6, supervisors, api + "activity-reports/review"),
                () -> get(7, supervisors, api + "attendance/review?from=" + today.minusDays(6) + "&to=" + today),
                () -> get(8, supervisors, api + "fwa/team?" + span));
    }

    long lastBytes(int call) {
        return bytes.get(call);
    }

    private Object get(int call, List<String> callers, String path) {
        return send(
                call, callers, HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    private Object post(int call, List<String> callers, String path) {
        String body = "{\"kind\":\"OUT\",\"latitude\":-1.7357,\"longitude\":119.5462,\"accuracy\":10,"
                + "\"clientRequestId\":\"" + UUID.randomUUID() + "\",\"deviceId\":\"bench\"}";
        return send(
                call,
                callers,
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Object send(int call, List<String> callers, HttpRequest.Builder request) {
        String caller = callers.get(Math.floorMod(turn.incrementAndGet(), callers.size()));
        try {
            HttpResponse<byte[]> response = http.send(
                    request.header("Authorization", "Bearer " + tokens.get(caller))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(NAMES.get(call) + " as " + caller + " in " + code + " answered "
                        + response.statusCode() + ": " + new String(response.body()));
            }
            bytes.set(call, response.body().length);
            return response.statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
