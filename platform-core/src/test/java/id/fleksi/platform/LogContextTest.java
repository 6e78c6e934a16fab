package id.fleksi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogContextTest {

    @Test
    void quotedTextLosesNipsAndCoordinatesButKeepsIdsTimesAndWords() {
        assertThat(LogContext.redacted("ERROR: duplicate key value (nip)=(199203142018012002) already exists"))
                .isEqualTo("ERROR: duplicate key value (nip)=([number]) already exists");
        assertThat(LogContext.redacted("Cannot deserialize value \"-1.7357x\" at latitude; longitude 119.54621"))
                .isEqualTo("Cannot deserialize value \"[decimal]x\" at latitude; longitude [decimal]");
        assertThat(LogContext.redacted(
                        "employee 12345678-9e8c-4006-9ae1-293412262497 at 2026-12-07T02:47:49, 5.5 km, 503"))
                .isEqualTo("employee 12345678-9e8c-4006-9ae1-293412262497 at 2026-12-07T02:47:49, 5.5 km, 503");
        assertThat(LogContext.redacted(null)).isEmpty();
    }
}
