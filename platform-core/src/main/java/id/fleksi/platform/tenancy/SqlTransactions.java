package id.fleksi.platform.tenancy;

import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One connection for work done only in plain SQL with schema-qualified names (the hot paths: a check-in). No
 * Hibernate session is opened, so the connection's {@code search_path} is never set and reset around it; the
 * PostgreSQL driver forgets every server-prepared statement of a connection each time that happens, which made
 * every statement of a check-in parsed and planned again. Inside a JPA transaction this joins it.
 */
@Component
public class SqlTransactions {

    private final TransactionTemplate oneConnection;

    public SqlTransactions(DataSource dataSource) {
        JdbcTransactionManager manager = new JdbcTransactionManager(dataSource);
        // No transaction at all (each statement commits by itself), but one connection held for the whole callback.
        this.oneConnection = new TransactionTemplate(manager);
        this.oneConnection.setPropagationBehavior(TransactionDefinition.PROPAGATION_SUPPORTS);
    }

    /**
     * Work on one connection, borrowed once rather than once per statement (the pool's hand-offs between threads cost more
     * than the statements on a busy morning), without a transaction: each statement commits by itself, so there are no
     * BEGIN and COMMIT round trips, and what it reads may be kept by {@link TenantCache}. Inside a transaction it joins it.
     */
    public <T> T onOneConnection(TransactionCallback<T> work) {
        return oneConnection.execute(work);
    }
}
