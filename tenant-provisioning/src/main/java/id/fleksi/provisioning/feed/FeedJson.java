package id.fleksi.provisioning.feed;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The feed document in and out of JSON: the API's own mapper (a key given twice, a text too long or holding a control
 * character are refused, as everywhere), stricter still, since a figure that is missing or null would read as zero: every
 * field is required and none may be null, except a field added to version 1 later ({@code expected}), which an older
 * replica leaves out. Fields it does not know are ignored (see {@link DailyFeed} on versions).
 */
@Component
class FeedJson {

    private final JsonMapper mapper;

    FeedJson(JsonMapper api) {
        // Missing or null fails by default (a missing field reads as its null value, which fails too); a field added
        // later without a new version says so itself (@JsonSetter(nulls = SET): absent in an older replica's document).
        this.mapper = api.rebuild()
                .changeDefaultNullHandling(n -> JsonSetter.Value.forValueNulls(Nulls.FAIL))
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    byte[] write(DailyFeed feed) {
        return mapper.writeValueAsBytes(feed);
    }

    /** @throws JacksonException when the bytes are not a feed document */
    DailyFeed read(byte[] body) {
        return mapper.readValue(body, DailyFeed.class);
    }
}
