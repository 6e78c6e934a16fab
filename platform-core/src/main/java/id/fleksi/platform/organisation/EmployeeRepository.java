package id.fleksi.platform.organisation;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface EmployeeRepository extends JpaRepository<Employee, UUID> {

    List<Employee> findAllByOrderByName();

    boolean existsByUsername(String username);

    java.util.Optional<Employee> findByUsername(String username);

    List<Employee> findAllByUnitIdOrderByName(UUID unitId);
}
