package org.liaison.embedded;

import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.liaison.EmbeddedDatabaseConfigSource;
import org.liaison.auth.VerificationSettings;

/**
 * The signing key of the embedded default run ({@code quarkus:dev}, the default jar without a
 * datasource), which has no identity provider: a new RSA key pair made at start, its public half
 * handed to smallrye-jwt as the verification key, and an admin token signed with the private
 * half, logged and written to a file of the user's own only (both die with the run: the private
 * key is never stored). LiaisonMain calls this only when the run started its own database and
 * no verification setting is configured; the -Dprod and -Dnative builds leave this package out.
 * A dev-mode reload runs LiaisonMain again: the key and token of the first start stay.
 */
public final class DevSigningKey {

    /** The file holding the admin token; set once the key is made. */
    public static final String TOKEN_FILE = EmbeddedDatabaseConfigSource.PREFIX + "admin-token-file";
    static final String ISSUER = "urn:liaison:embedded-run";
    static final String SUBJECT = "admin-of-this-run";
    /** Longer than any trial run; the key is gone when the run stops anyway. */
    static final Duration LIFETIME = Duration.ofDays(30);

    private static final Logger LOG = Logger.getLogger(DevSigningKey.class);

    private DevSigningKey() {
    }

    public static void start() {
        String file = System.getProperty(TOKEN_FILE);
        if (file == null) {
            file = make(ConfigProvider.getConfig()).toString();
            System.setProperty(TOKEN_FILE, file);
        }
        try {
            announce(Path.of(file), Files.readString(Path.of(file), StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read this run's admin token from " + file, e);
        }
    }

    private static Path make(Config config) {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM cannot make RSA keys", e);
        }
        String audience = config.getOptionalValue(VerificationSettings.AUDIENCES, String.class).orElse("liaison").split(",")[0].strip();
        String adminGroup = config.getOptionalValue("liaison.auth.roles.admin", String.class).orElse("admin");
        System.setProperty(VerificationSettings.KEY, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        System.setProperty(VerificationSettings.ISSUER, ISSUER);
        System.setProperty(VerificationSettings.AUDIENCES, audience);
        String token = Jwt.issuer(ISSUER).audience(audience).subject(SUBJECT).groups(Set.of(adminGroup))
                .expiresIn(LIFETIME).sign(pair.getPrivate());
        try {
            Path file = Files.createTempFile("liaison-admin-", ".token"); // rw------- for its owner only
            Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write this run's admin token", e);
        }
    }

    private static void announce(Path file, String token) {
        int port = ConfigProvider.getConfig().getOptionalValue("quarkus.http.port", Integer.class).orElse(8080);
        LOG.infof("""
                Writes need a bearer token. This run (embedded database, no MP_JWT_VERIFY_* settings) made its own \
                signing key and an admin token, valid until it stops; it is in %1$s:
                  TOKEN=$(cat %1$s)
                  curl -i -X POST localhost:%2$d/api/exchanges -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d @exchange.json
                Admin token: %3$s""", file, port, token);
    }
}
