package id.fleksi.provisioning.feed;

import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The feed document in and out of JSON: the API's own mapper (a key given twice, a text too long or holding a control
 * character are refused, as everywhere), stricter still, since a figure that is missing or null would read as zero: every
 * field is required and none may be null. Fields it does not know are ignored (see {@link DailyFeed} on versions).
 */
@Component
class FeedJson {

    private final JsonMapper mapper;

    FeedJson(JsonMapper api) {
        this.mapper = api.rebuild()
                .enable(
                        DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
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
