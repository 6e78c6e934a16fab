package id.fleksi.modules.evaluation.exports.internal;

import id.fleksi.modules.evaluation.EvaluationModule;
import id.fleksi.platform.security.ConfinedRole;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A token with the role {@value EvaluationModule#EXPORT_ROLE} reaches the month's exports and no other operation. */
@Configuration(proxyBeanMethods = false)
class ExportConfinement {

    /** The paths of {@code ExportController}'s operations. */
    static final String EXPORT_PATHS = "/api/v1/t/*/evaluation/exports/**";

    @Bean
    ConfinedRole evaluationExportOnly() {
        return new ConfinedRole(EvaluationModule.EXPORT_ROLE, List.of(EXPORT_PATHS));
    }
}
