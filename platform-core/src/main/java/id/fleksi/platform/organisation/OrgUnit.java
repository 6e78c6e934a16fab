package id.fleksi.platform.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A unit of a pemda's organisation: an OPD (dinas, badan, ...) or a unit inside one. */
@Entity
@Table(name = "org_unit")
public class OrgUnit {

    @Id
    private UUID id;

    @Column(name = "parent_id")
    private UUID parentId;

    @Column(nullable = false, unique = true)
    private String code;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private UnitKind kind;

    @Column(name = "head_employee_id")
    private UUID headEmployeeId;

    protected OrgUnit() {}

    public OrgUnit(UUID parentId, String code, String name, UnitKind kind) {
        this.id = UUID.randomUUID();
        this.parentId = parentId;
        this.code = code;
        this.name = name;
        this.kind = kind;
    }

    public UUID id() {
        return id;
    }

    public UUID parentId() {
        return parentId;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public UnitKind kind() {
        return kind;
    }

    public UUID headEmployeeId() {
        return headEmployeeId;
    }

    void change(UUID parentId, String name, UnitKind kind) {
        this.parentId = parentId;
        this.name = name;
        this.kind = kind;
    }

    public void setHead(UUID employeeId) {
        this.headEmployeeId = employeeId;
    }
}
