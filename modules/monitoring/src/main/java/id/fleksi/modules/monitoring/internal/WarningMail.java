package id.fleksi.modules.monitoring.internal;

import id.fleksi.modules.monitoring.MonitoringSettings;
import id.fleksi.platform.organisation.EmployeeAccounts;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantSql;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Sends each warning not yet sent to the employee's direct supervisor (their account's e-mail) and BKD's address,
 * through the tenant's own SMTP server. A warning whose mail could not go is tried again at the next evaluation; one
 * withdrawn before it went is not sent.
 */
@Component
class WarningMail {

    private static final Logger log = LoggerFactory.getLogger(WarningMail.class);

    private final JdbcClient jdbc;
    private final ObjectProvider<EmployeeAccounts> accounts;
    private final Clock clock;

    WarningMail(JdbcClient jdbc, ObjectProvider<EmployeeAccounts> accounts, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
    }

    private record Pending(
            UUID id,
            String rule,
            int step,
            String period,
            int count,
            String employee,
            String unit,
            String supervisorAccount) {}

    /** Runs with the tenant set; answers how many warnings were sent. */
    int sendPending(TenantCode tenant, MonitoringSettings settings) {
        if (settings.smtpHost().isBlank() || settings.mailFrom().isBlank()) {
            return 0;
        }
        List<Pending> pending = jdbc.sql(TenantSql.of("""
                        select w.id, w.rule, w.step, w.period, w.count_at_raise, e.name, u.name, s.realm_user_id
                        from {monitoring_warning} w join {employee} e on e.id = w.employee_id
                        join {org_unit} u on u.id = e.unit_id left join {employee} s on s.id = e.supervisor_id
                        where w.withdrawn_at is null and w.emailed_at is null order by w.raised_at"""))
                .query((rs, n) -> new Pending(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8)))
                .list();
        if (pending.isEmpty()) {
            return 0;
        }
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(settings.smtpHost());
        sender.setPort(settings.smtpPort());
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "10000");
        sender.getJavaMailProperties().put("mail.smtp.timeout", "10000");
        int sent = 0;
        for (Pending p : pending) {
            List<String> to = new ArrayList<>();
            if (!settings.bkdEmail().isBlank()) {
                to.add(settings.bkdEmail());
            }
            EmployeeAccounts known = accounts.getIfAvailable();
            if (known != null && p.supervisorAccount() != null) {
                known.email(tenant, p.supervisorAccount()).ifPresent(to::add);
            }
            if (to.isEmpty()) {
                continue;
            }
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(settings.mailFrom());
            message.setTo(to.toArray(String[]::new));
            message.setSubject("[Fleksi] Peringatan dini: " + p.employee() + ", "
                    + WarningText.what(p.rule(), p.step(), p.count(), p.period()));
            message.setText(p.employee() + " (" + p.unit() + ")\n\n"
                    + WarningText.what(p.rule(), p.step(), p.count(), p.period())
                    + ".\n\n" + WarningText.todo(p.rule(), p.step())
                    + "\n\nTandai peringatan ini sudah ditindaklanjuti, dengan"
                    + " catatan, di Fleksi: Pemantauan › Peringatan dini.\n");
            try {
                sender.send(message);
                jdbc.sql(TenantSql.of("update {monitoring_warning} set emailed_at = ? where id = ?"))
                        .params(Timestamp.from(clock.instant()), p.id())
                        .update();
                sent++;
            } catch (MailException e) {
                log.warn(
                        "A warning's e-mail could not be sent through {}:{}; it is tried again at the next evaluation: {}",
                        settings.smtpHost(),
                        settings.smtpPort(),
                        e.getMessage());
                break;
            }
        }
        return sent;
    }
}
