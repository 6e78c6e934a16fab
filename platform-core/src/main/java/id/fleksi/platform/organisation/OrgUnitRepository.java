package id.fleksi.platform.organisation;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OrgUnitRepository extends JpaRepository<OrgUnit, UUID> {

    List<OrgUnit> findAllByOrderByCode();

    boolean existsByCode(String code);
}
