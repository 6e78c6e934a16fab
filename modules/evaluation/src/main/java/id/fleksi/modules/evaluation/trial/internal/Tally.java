package id.fleksi.modules.evaluation.trial.internal;

/**
 * Counts and sums over employee-days on one side of the comparison; tallies add up (employees into an OPD, OPD into the
 * pemda) because every figure is a count or a sum, squares included for the variance.
 *
 * @param expected working days the employee was expected at work (holidays, approved absences and dinas luar left out)
 * @param present of those, days with a check-in; {@code onTime} not late; {@code flagged} with a flagged check-in
 * @param filed days present with a report filed by the deadline; {@code approved} and {@code returned} of those
 * @param activities activities reported over the expected days, and the sum of their squares per day
 * @param output quantities reported over the expected days, and the sum of their squares per day
 */
public record Tally(
        long expected,
        long present,
        long onTime,
        long flagged,
        long filed,
        long approved,
        long returned,
        double activities,
        double activitySquares,
        double output,
        double outputSquares) {

    public static final Tally NONE = new Tally(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public Tally plus(Tally o) {
        return new Tally(
                expected + o.expected,
                present + o.present,
                onTime + o.onTime,
                flagged + o.flagged,
                filed + o.filed,
                approved + o.approved,
                returned + o.returned,
                activities + o.activities,
                activitySquares + o.activitySquares,
                output + o.output,
                outputSquares + o.outputSquares);
    }
}
