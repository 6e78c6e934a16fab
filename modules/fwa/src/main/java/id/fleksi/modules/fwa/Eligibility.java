package id.fleksi.modules.fwa;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** "Is this employee eligible, and if not, why?" Every failed rule, in words a person understands. */
public final class Eligibility {

    public record Verdict(boolean eligible, List<String> reasons) {
    }

    private Eligibility() {
    }

    static List<String> reasons(FwaFacts facts, FwaFacts.Person person, LocalDate date, PolicyVersion version) {
        List<String> reasons = new ArrayList<>();
        if (!facts.enabled) {
            reasons.add("Flexible work is switched off for this tenant");
            return reasons;
        }
        if (version == null) {
            reasons.add("No flexible-work policy is in force on " + date);
            return reasons;
        }
        if (!version.enabled()) {
            reasons.add("The policy in force from " + version.effectiveFrom() + " switches flexible work off");
            return reasons;
        }
        PolicyVersion.UnitRule unit = facts.unitRule(version, person.unitId());
        if (unit != null && unit.alwaysWfo()) {
            reasons.add(facts.unitName(unit.unitId()) + " works from the office every day under the policy");
        }
        for (FwaFacts.Sanction sanction : facts.sanctions.getOrDefault(person.id(), List.of())) {
            if (!date.isBefore(sanction.from()) && !date.isAfter(sanction.to())) {
                reasons.add("Under a disciplinary sanction from " + sanction.from() + " to " + sanction.to() + " (" + sanction.note() + ")");
            }
        }
        if (person.startDate() != null && date.isBefore(person.startDate().plusMonths(facts.newEmployeeMonths))) {
            reasons.add("New employee: started " + person.startDate() + "; flexible work from "
                    + person.startDate().plusMonths(facts.newEmployeeMonths));
        }
        if (!version.allowedTalentBoxes().isEmpty()) {
            String allowed = version.allowedTalentBoxes().stream().sorted().map(String::valueOf).collect(Collectors.joining(", "));
            if (person.talentBox() == null) {
                reasons.add("No talent box is recorded; the policy allows boxes " + allowed);
            } else if (!version.allowedTalentBoxes().contains(person.talentBox().intValue())) {
                reasons.add("Talent box " + person.talentBox() + " is not among the allowed boxes " + allowed);
            }
        }
        if (version.excludeFaceToFace() && person.faceToFace()) {
            reasons.add("Serves the public face to face");
        }
        if (version.excludeLeaders() && facts.leaders.containsKey(person.id())) {
            reasons.add("Leads " + facts.leaders.get(person.id()));
        }
        if (version.requireOwnDevice() && !person.ownDevice()) {
            reasons.add("No own work device is recorded");
        }
        if (version.requireGoodConnection() && !person.goodConnection()) {
            reasons.add("No reliable internet connection is recorded");
        }
        return reasons;
    }
}
