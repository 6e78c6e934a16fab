package id.fleksi.platform.wording;

import org.springframework.context.MessageSourceResolvable;

/**
 * A span of minutes as people say it: "12 jam 48 menit", "2 jam", "45 menit" (in English "12 h 48 min"), never
 * "768 menit". The words are in the {@code platform} bundle ({@code wording.hours*}); without it, English.
 */
public record HoursAndMinutes(int minutes) implements MessageSourceResolvable {

    public static HoursAndMinutes of(int minutes) {
        return new HoursAndMinutes(minutes);
    }

    private String code() {
        if (minutes < 60) {
            return "wording.minutes";
        }
        return minutes % 60 == 0 ? "wording.hours" : "wording.hoursMinutes";
    }

    @Override
    public String[] getCodes() {
        return new String[] {code()};
    }

    @Override
    public Object[] getArguments() {
        return minutes < 60 ? new Object[] {minutes} : new Object[] {minutes / 60, minutes % 60};
    }

    @Override
    public String getDefaultMessage() {
        return switch (code()) {
            case "wording.minutes" -> "{0} min";
            case "wording.hours" -> "{0} h";
            default -> "{0} h {1} min";
        };
    }

    @Override
    public String toString() {
        return minutes < 60
                ? minutes + " min"
                : minutes % 60 == 0 ? minutes / 60 + " h" : minutes / 60 + " h " + minutes % 60 + " min";
    }
}
