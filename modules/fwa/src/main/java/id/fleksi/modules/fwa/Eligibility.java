package id.fleksi.modules.fwa;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** "Is this employee eligible, and if not, why?" Every failed rule, in words a person understands. */
public final class Eligibility {

    public record Verdict(boolean eligible, List<Reason> reasons) {

        /** The reasons in English words. */
        public List<String> reasonTexts() {
            return Reason.texts(reasons);
        }
    }

    private Eligibility() {}

    static List<Reason> reasons(FwaFacts facts, FwaFacts.Person person, LocalDate date, PolicyVersion version) {
        List<Reason> reasons = new ArrayList<>();
        if (!facts.enabled) {
            reasons.add(Reason.of("fwa-off", "Flexible work is switched off for this tenant"));
            return reasons;
        }
        if (version == null) {
            reasons.add(Reason.of("no-policy", "No flexible-work policy is in force on {0}", date));
            return reasons;
        }
        if (!version.enabled()) {
            reasons.add(Reason.of(
                    "policy-off", "The policy in force from {0} switches flexible work off", version.effectiveFrom()));
            return reasons;
        }
        PolicyVersion.UnitRule unit = facts.unitRule(version, person.unitId());
        if (unit != null && unit.alwaysWfo()) {
            reasons.add(Reason.of(
                    "unit-wfo", "{0} works from the office every day under the policy", facts.unitName(unit.unitId())));
        }
        for (FwaFacts.Sanction sanction : facts.sanctions.getOrDefault(person.id(), List.of())) {
            if (!date.isBefore(sanction.from()) && !date.isAfter(sanction.to())) {
                reasons.add(Reason.of(
                        "sanction",
                        "Under a disciplinary sanction from {0} to {1} ({2})",
                        sanction.from(),
                        sanction.to(),
                        sanction.note()));
            }
        }
        if (person.startDate() != null && date.isBefore(person.startDate().plusMonths(facts.newEmployeeMonths))) {
            reasons.add(Reason.of(
                    "new-employee",
                    "New employee: started {0}; flexible work from {1}",
                    person.startDate(),
                    person.startDate().plusMonths(facts.newEmployeeMonths)));
        }
        if (!version.allowedTalentBoxes().isEmpty()) {
            String allowed = version.allowedTalentBoxes().stream()
                    .sorted()
                    .map(String::valueOf)
                    .collect(Collectors.joining(", "));
            if (person.talentBox() == null) {
                reasons.add(
                        Reason.of("no-talent-box", "No talent box is recorded; the policy allows boxes {0}", allowed));
            } else if (!version.allowedTalentBoxes().contains(person.talentBox().intValue())) {
                reasons.add(Reason.of(
                        "talent-box",
                        "Talent box {0} is not among the allowed boxes {1}",
                        person.talentBox(),
                        allowed));
            }
        }
        if (version.excludeFaceToFace() && person.faceToFace()) {
            reasons.add(Reason.of("face-to-face", "Serves the public face to face"));
        }
        if (version.excludeLeaders() && facts.leaders.containsKey(person.id())) {
            reasons.add(Reason.of("leader", "Leads {0}", facts.leaders.get(person.id())));
        }
        if (version.requireOwnDevice() && !person.ownDevice()) {
            reasons.add(Reason.of("no-device", "No own work device is recorded"));
        }
        if (version.requireGoodConnection() && !person.goodConnection()) {
            reasons.add(Reason.of("no-connection", "No reliable internet connection is recorded"));
        }
        return reasons;
    }
}
