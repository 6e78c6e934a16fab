package id.fleksi.platform.web;

import id.fleksi.platform.calendar.DateWindow;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.function.Predicate;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.ext.javatime.deser.YearMonthDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * The API reads JSON strictly, for every request record at once: a key given twice is refused (which of the two
 * would count?), and every text field is text ({@code 12345} is not a name), at most {@value BoundedText#MAX_CHARACTERS}
 * characters, with no control characters but tab and line breaks (a NUL byte ends up nowhere); every date, month and
 * timestamp lies in the {@link DateWindow}. Tighter bounds
 * stand on the fields themselves ({@code @Size}); the database refuses the rest (see {@link ProblemHandler}).
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    @Bean
    JsonMapperBuilderCustomizer boundedValues() {
        // A null for a true/false or a count is read as its absence is (false, 0): clients generated from the API
        // document send every optional field, null when unset.
        return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .addModule(new SimpleModule("fleksi-bounded-values")
                        .addDeserializer(String.class, new BoundedText())
                        .addDeserializer(
                                LocalDate.class,
                                new BoundedDate<>(LocalDateDeserializer.INSTANCE, DateWindow::contains))
                        .addDeserializer(
                                YearMonth.class,
                                new BoundedDate<>(YearMonthDeserializer.INSTANCE, DateWindow::contains))
                        .addDeserializer(
                                OffsetDateTime.class,
                                new BoundedDate<>(InstantDeserializer.OFFSET_DATE_TIME, DateWindow::contains)));
    }

    /** A date, month or timestamp read as usual, then held to the {@link DateWindow}. */
    static final class BoundedDate<T> extends ValueDeserializer<T> {

        private final ValueDeserializer<T> delegate;
        private final Predicate<T> inWindow;

        BoundedDate(ValueDeserializer<T> delegate, Predicate<T> inWindow) {
            this.delegate = delegate;
            this.inWindow = inWindow;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw new RefusedValue(parser, DateWindow.rule() + ", written in quotes"); // 12345 is no date
            }
            T value = delegate.deserialize(parser, context);
            if (value != null && !inWindow.test(value)) {
                throw new RefusedValue(parser, DateWindow.rule());
            }
            return value;
        }
    }

    /** A refusal whose words are ours, safe to show as they are (unlike the parser's own messages). */
    static final class RefusedValue extends MismatchedInputException {
        RefusedValue(JsonParser parser, String reason) {
            super(parser, reason, String.class);
        }
    }

    static final class BoundedText extends StdScalarDeserializer<String> {

        static final int MAX_CHARACTERS = 10_000;

        BoundedText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw new RefusedValue(parser, "is text: send it in quotes");
            }
            String text = parser.getString();
            String problem = problemWith(text);
            if (problem != null) {
                throw new RefusedValue(parser, problem);
            }
            return text;
        }

        /** What is wrong with a text, or null: too long, or a control character other than tab and line breaks. */
        static String problemWith(String text) {
            if (text.length() > MAX_CHARACTERS) {
                return "is longer than " + MAX_CHARACTERS + " characters";
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                    return "holds a control character (code " + (int) c + "), which no text here may hold";
                }
            }
            return null;
        }
    }
}
