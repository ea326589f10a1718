package org.liaison.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/**
 * The README's commands for a self-hoster without an identity provider (a key pair with openssl,
 * then the one line that signs a token), run as written there, make a token that smallrye-jwt
 * accepts with the settings the README gives.
 */
class SelfIssuedTokenTest {

    static boolean found(String command) {
        try {
            return new ProcessBuilder("sh", "-c", "command -v " + command).start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void theReadmesOneLineTokenVerifies() throws Exception {
        assumeTrue(found("openssl") && found("bash"), "needs openssl and bash");
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8)) {
            if (line.startsWith("openssl genpkey") || line.startsWith("openssl pkey") || line.startsWith("b64() {")) {
                lines.add(line);
            }
        }
        assertEquals(3, lines.size(), "the README's key and token commands: " + lines);
        Path dir = Files.createTempDirectory("liaison-token-");
        lines.add("printf %s \"$TOKEN\"");
        Process p = new ProcessBuilder("bash", "-euo", "pipefail", "-c", String.join("\n", lines)).directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String token = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue());

        String pem = Files.readString(dir.resolve("token-key.pub.pem")).replaceAll("-----[A-Z ]+-----|\\s", "");
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        JWTAuthContextInfo settings = new JWTAuthContextInfo(key, "https://liaison.example");
        settings.setExpectedAudience(Set.of("liaison"));
        JsonWebToken jwt = new DefaultJWTParser(settings).parse(token);
        assertEquals("alice", jwt.getSubject());
        assertEquals(Set.of("editor"), jwt.getGroups());
        assertEquals(86400, jwt.getExpirationTime() - jwt.getIssuedAtTime());
        for (String f : List.of("token-key.pem", "token-key.pub.pem")) {
            Files.delete(dir.resolve(f));
        }
        Files.delete(dir);
    }
}
