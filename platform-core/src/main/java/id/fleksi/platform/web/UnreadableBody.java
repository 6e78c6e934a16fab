package id.fleksi.platform.web;

import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Says why a request body could not be read, in words a client developer acts on: which field, and what kind of value
 * it takes. Never the parser's own message, which names Java types and library features.
 */
final class UnreadableBody {

    private UnreadableBody() {}

    static String explain(HttpMessageNotReadableException e) {
        JacksonException json = cause(e, JacksonException.class);
        if (json == null) {
            return "The request needs a JSON body.";
        }
        String field = path(json);
        if (json instanceof StrictJson.RefusedValue refused) {
            return (field.isEmpty() ? "A value" : field) + " " + refused.getOriginalMessage() + ".";
        }
        if (json instanceof StreamReadException
                && json.getOriginalMessage() != null
                && json.getOriginalMessage().startsWith("Duplicate Object property")) {
            return "The body gives the field " + field(json) + " twice; give each field once.";
        }
        if (json instanceof tools.jackson.databind.exc.ValueInstantiationException
                && json.getCause() instanceof IllegalArgumentException rule
                && rule.getMessage() != null) {
            // A record's own rule (DayHours: "a working day has a length"): our words, safe to show.
            return (field.isEmpty() ? "" : field + ": ") + rule.getMessage() + ".";
        }
        if (json instanceof MismatchedInputException mismatch && !field.isEmpty()) {
            return field + ": " + expected(mismatch.getTargetType()) + ".";
        }
        if (json instanceof StreamReadException) {
            return "The request body is not valid JSON.";
        }
        return field.isEmpty() ? "The request body is not of the expected shape." : field + ": is not a valid value.";
    }

    /** The name a parser message quotes ("Duplicate Object property \"code\""), as 'code'. */
    private static String field(JacksonException json) {
        java.util.regex.Matcher quoted =
                java.util.regex.Pattern.compile("[\"'`]([^\"'`]{1,100})[\"'`]").matcher(json.getOriginalMessage());
        return quoted.find() ? "'" + quoted.group(1) + "'" : "a field";
    }

    /** The field's place in the body, as a client writes it: {@code days.MONDAY.start}, {@code ids[2]}. */
    private static String path(JacksonException json) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : json.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "is not a valid value";
        }
        if (type.isEnum()) {
            return "is one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(String::valueOf)
                            .collect(Collectors.joining(", "));
        }
        if (type == UUID.class) {
            return "is an id (a UUID)";
        }
        if (type == java.time.LocalDate.class) {
            return "is a date (yyyy-mm-dd)";
        }
        if (type == java.time.LocalTime.class) {
            return "is a time of day (hh:mm)";
        }
        if (type == java.time.YearMonth.class) {
            return "is a month (yyyy-mm)";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "is a date and time (ISO 8601, with its offset)";
        }
        if (type == Integer.class
                || type == int.class
                || type == Long.class
                || type == long.class
                || type == Short.class
                || type == short.class) {
            return "is a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "is a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "is true or false";
        }
        if (type == String.class) {
            return "is text";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "is a list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "is an object";
        }
        return "is an object of the documented shape";
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
