package id.fleksi.platform.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/** An employee of the tenant; always paired with a user of the tenant's realm ({@link #realmUserId()}). */
@Entity
@Table(name = "employee")
public class Employee implements Persistable<UUID> {

    /** New until stored or loaded: lets Spring Data insert rows whose id was chosen in advance, without a lookup. */
    @Transient
    private boolean fresh = true;

    @Id
    private UUID id;

    private String nip;

    @Column(name = "pppk_number")
    private String pppkNumber;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "employment_type", nullable = false)
    private EmploymentType employmentType;

    private String position;
    private String grade;

    @Column(name = "unit_id", nullable = false)
    private UUID unitId;

    @Column(name = "supervisor_id")
    private UUID supervisorId;

    @Column(name = "talent_box")
    private Short talentBox;

    @Column(name = "face_to_face_service", nullable = false)
    private boolean faceToFaceService;

    @Column(name = "own_device", nullable = false)
    private boolean ownDevice;

    @Column(name = "good_connection", nullable = false)
    private boolean goodConnection;

    @Column(name = "home_latitude")
    private Double homeLatitude;

    @Column(name = "home_longitude")
    private Double homeLongitude;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EmployeeStatus status;

    @Column(name = "start_date")
    private LocalDate startDate;

    @Column(nullable = false, unique = true)
    private String username;

    @Column(name = "realm_user_id", nullable = false, unique = true)
    private String realmUserId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Employee() {}

    Employee(NewEmployee details, String username, String realmUserId) {
        this(UUID.randomUUID(), details, username, realmUserId);
    }

    /** With its id chosen in advance, so rows of one import can name each other as supervisors. */
    Employee(UUID id, NewEmployee details, String username, String realmUserId) {
        this.id = id;
        this.username = username;
        this.realmUserId = realmUserId;
        this.status = EmployeeStatus.ACTIVE;
        this.createdAt = Instant.now();
        apply(details);
    }

    /** Takes every attribute personnel data gives; the realm user is updated by {@link Employees}. */
    void apply(NewEmployee details) {
        this.nip = details.nip();
        this.pppkNumber = details.pppkNumber();
        this.name = details.name().strip();
        this.employmentType = details.employmentType();
        this.position = details.position();
        this.grade = details.grade();
        this.unitId = details.unitId();
        this.supervisorId = details.supervisorId();
        this.talentBox =
                details.talentBox() == null ? null : details.talentBox().shortValue();
        this.faceToFaceService = Boolean.TRUE.equals(details.faceToFaceService());
        this.ownDevice = Boolean.TRUE.equals(details.ownDevice());
        this.goodConnection = Boolean.TRUE.equals(details.goodConnection());
        this.homeLatitude = details.homeLatitude();
        this.homeLongitude = details.homeLongitude();
        this.startDate = details.startDate();
        this.updatedAt = Instant.now();
    }

    void setStatus(EmployeeStatus status) {
        this.status = status;
        this.updatedAt = Instant.now();
    }

    @Override
    public UUID getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    @PostPersist
    void stored() {
        fresh = false;
    }

    public UUID id() {
        return id;
    }

    public String nip() {
        return nip;
    }

    public String pppkNumber() {
        return pppkNumber;
    }

    public String name() {
        return name;
    }

    public EmploymentType employmentType() {
        return employmentType;
    }

    public String position() {
        return position;
    }

    public String grade() {
        return grade;
    }

    public UUID unitId() {
        return unitId;
    }

    public UUID supervisorId() {
        return supervisorId;
    }

    public Short talentBox() {
        return talentBox;
    }

    public boolean faceToFaceService() {
        return faceToFaceService;
    }

    public boolean ownDevice() {
        return ownDevice;
    }

    public boolean goodConnection() {
        return goodConnection;
    }

    public Double homeLatitude() {
        return homeLatitude;
    }

    public Double homeLongitude() {
        return homeLongitude;
    }

    public EmployeeStatus status() {
        return status;
    }

    public LocalDate startDate() {
        return startDate;
    }

    public String username() {
        return username;
    }

    public String realmUserId() {
        return realmUserId;
    }
}
