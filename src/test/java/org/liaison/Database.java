package org.liaison;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Plain JDBC on the tests' real PostgreSQL, for counts made without going through the service.
 * Under {@code @QuarkusTest} it reads the running application's datasource; under
 * {@code @QuarkusIntegrationTest} the database the test resource started ({@link ItDatabase}).
 */
public final class Database {

    private Database() {
    }

    public static Connection connect() throws SQLException {
        String url = System.getProperty(ItDatabase.JDBC_URL);
        if (url != null) {
            return DriverManager.getConnection(url, ItDatabase.USER, ItDatabase.PASSWORD);
        }
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }

    public static long count(String sql, Object... args) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long exchanges() {
        return count("select count(*) from exchange");
    }
}
