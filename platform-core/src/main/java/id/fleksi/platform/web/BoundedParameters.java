package id.fleksi.platform.web;

import id.fleksi.platform.calendar.DateWindow;
import java.beans.PropertyEditorSupport;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Dates and months in addresses and forms ({@code ?from=}, {@code /months/2026-03}) are read in ISO form and held to
 * the {@link DateWindow}, for every controller: the same rule as in JSON bodies ({@link StrictJson}).
 */
@ControllerAdvice
class BoundedParameters {

    @InitBinder
    void boundedDates(WebDataBinder binder) {
        binder.registerCustomEditor(LocalDate.class, new Bounded<>(LocalDate::parse, DateWindow::contains));
        binder.registerCustomEditor(YearMonth.class, new Bounded<>(YearMonth::parse, DateWindow::contains));
    }

    private static final class Bounded<T> extends PropertyEditorSupport {

        private final Function<String, T> parse;
        private final Predicate<T> inWindow;

        Bounded(Function<String, T> parse, Predicate<T> inWindow) {
            this.parse = parse;
            this.inWindow = inWindow;
        }

        @Override
        public void setAsText(String text) {
            if (text == null || text.isBlank()) {
                setValue(null);
                return;
            }
            T value;
            try {
                value = parse.apply(text.strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(DateWindow.rule(), e);
            }
            if (!inWindow.test(value)) {
                throw new IllegalArgumentException(DateWindow.rule());
            }
            setValue(value);
        }

        @Override
        public String getAsText() {
            return getValue() == null ? "" : getValue().toString();
        }
    }
}
