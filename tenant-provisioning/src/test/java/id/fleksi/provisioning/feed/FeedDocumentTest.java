package id.fleksi.provisioning.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The feed document: what it holds, how it travels as JSON, what a province refuses in it. No database, no Spring. */
class FeedDocumentTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final FeedJson json = new FeedJson(JSON);
    private final DailyFeed.Opd dinkes = new DailyFeed.Opd(
            "DINKES",
            "Dinas Kesehatan",
            12,
            11,
            new DailyFeed.CheckIns(10, 7, 2, 1, 3),
            new DailyFeed.Absences(0, 1, 1, 0),
            2,
            9);
    private final DailyFeed feed = new DailyFeed(
            1, "mateng", LocalDate.of(2026, 1, 22), Instant.parse("2026-01-22T10:15:00Z"), List.of(dinkes));

    @Test
    void aDocumentReadsBackAsWrittenAndSaysOnlyCodesNamesAndCounts() {
        byte[] written = json.write(feed);

        assertThat(json.read(written)).isEqualTo(feed);
        assertThat(new String(written, StandardCharsets.UTF_8))
                .contains(
                        "\"day\":\"2026-01-22\"",
                        "\"generatedAt\":\"2026-01-22T10:15:00Z\"",
                        "\"checkedIn\":{\"total\":10,\"wfo\":7,\"wfa\":2,\"dinasLuar\":1,\"late\":3}");
        assertThat(fieldNames(new String(written, StandardCharsets.UTF_8)))
                .containsExactlyInAnyOrder(
                        "feed",
                        "tenant",
                        "day",
                        "generatedAt",
                        "opds",
                        "code",
                        "name",
                        "employees",
                        "expected",
                        "checkedIn",
                        "total",
                        "wfo",
                        "wfa",
                        "dinasLuar",
                        "late",
                        "absent",
                        "izin",
                        "sakit",
                        "cuti",
                        "flaggedCheckIns",
                        "reportsFiled");
        assertThat(feed.problems()).isEmpty();
    }

    @Test
    void theSameFiguresCountedLaterAreTheSameDayButOtherFiguresAreNot() {
        DailyFeed later =
                new DailyFeed(1, "mateng", feed.day(), feed.generatedAt().plusSeconds(900), feed.opds());
        DailyFeed changed = new DailyFeed(
                1,
                "mateng",
                feed.day(),
                feed.generatedAt(),
                List.of(new DailyFeed.Opd(
                        "DINKES",
                        "Dinas Kesehatan",
                        12,
                        11,
                        new DailyFeed.CheckIns(11, 8, 2, 1, 3),
                        dinkes.absent(),
                        2,
                        9)));

        assertThat(later.sameFiguresAs(feed)).isTrue();
        assertThat(changed.sameFiguresAs(feed)).isFalse();
    }

    @Test
    void aFieldThatIsMissingOrNullIsRefusedRatherThanReadAsZeroAndAnUnknownOneIsIgnored() {
        String written = new String(json.write(feed), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> json.read(written.replace(",\"late\":3", "").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() ->
                        json.read(written.replace("\"late\":3", "\"late\":null").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(JacksonException.class);
        assertThat(json.read(written.replace("{\"feed\":1,", "{\"feed\":1,\"comment\":\"from a later release\",")
                        .getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(feed);
        assertThatThrownBy(() -> json.read(written.replace("\"name\":\"Dinas Kesehatan\"", "\"name\":null")
                        .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() ->
                        json.read(written.replace(",\"absent\":{\"izin\":0,\"sakit\":1,\"cuti\":1,\"dinasLuar\":0}", "")
                                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(JacksonException.class);
    }

    @Test
    void aDocumentFromAReplicaThatDoesNotYetCountTheExpectedIsReadWithoutThem() {
        String written = new String(json.write(feed), StandardCharsets.UTF_8);
        assertThat(written).contains("\"employees\":12,\"expected\":11,");

        DailyFeed older = json.read(written.replace("\"expected\":11,", "").getBytes(StandardCharsets.UTF_8));
        DailyFeed saidNull = json.read(
                written.replace("\"expected\":11,", "\"expected\":null,").getBytes(StandardCharsets.UTF_8));

        assertThat(older.opds())
                .singleElement()
                .satisfies(o -> assertThat(o.expected()).isNull());
        assertThat(older.opds().get(0).checkedIn()).isEqualTo(dinkes.checkedIn());
        assertThat(saidNull).isEqualTo(older);
        assertThat(older.problems()).isEmpty();
        DailyFeed.Opd tooMany =
                new DailyFeed.Opd("DINKES", "Dinas Kesehatan", 12, 13, dinkes.checkedIn(), dinkes.absent(), 2, 9);
        assertThat(new DailyFeed(1, "mateng", feed.day(), feed.generatedAt(), List.of(tooMany)).problems())
                .containsExactly("opds[0].expected: between 0 and the OPD's employees (12)");
    }

    @Test
    void figuresThatCannotBeTrueAreNamedOneByOne() {
        DailyFeed.Opd twice = new DailyFeed.Opd(
                "DINKES", "x".repeat(201), -1, null, new DailyFeed.CheckIns(1, 1, 1, 0, 2), dinkes.absent(), 0, 0);
        List<DailyFeed.Opd> tooMany = new ArrayList<>();
        for (int i = 0; i <= DailyFeed.MAX_OPDS; i++) {
            tooMany.add(new DailyFeed.Opd(
                    "U" + i, "Unit " + i, 0, null, new DailyFeed.CheckIns(0, 0, 0, 0, 0), dinkes.absent(), 0, 0));
        }

        assertThat(new DailyFeed(1, "mateng", feed.day(), feed.generatedAt(), List.of(dinkes, twice)).problems())
                .containsExactly(
                        "opds[1].code: 'DINKES' is given twice",
                        "opds[1].name: 1 to 200 characters",
                        "opds[1]: every count lies between 0 and 1000000",
                        "opds[1].checkedIn: the work modes and the late are among those who checked in (total)");
        assertThat(new DailyFeed(1, "Bad Code", LocalDate.of(1900, 1, 1), feed.generatedAt(), tooMany).problems())
                .hasSize(3)
                .anySatisfy(problem -> assertThat(problem).startsWith("tenant: "))
                .contains("day: is a date between 1950-01-01 and 2100-12-31", "opds: a list of at most 1000 OPD");
        assertThat(new DailyFeed(2, "mateng", feed.day(), feed.generatedAt(), List.of()).problems())
                .containsExactly("feed: this Fleksi reads version 1, not 2");
    }

    /** Every field name anywhere in a JSON document. */
    static Set<String> fieldNames(String document) {
        Set<String> names = new TreeSet<>();
        collect(JSON.readTree(document), names);
        return names;
    }

    private static void collect(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            node.properties().forEach(entry -> {
                names.add(entry.getKey());
                collect(entry.getValue(), names);
            });
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, names));
        }
    }
}
