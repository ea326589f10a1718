package org.liaison.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The built artifact (the jar, or with -Dnative the executable), started as deployed (a
 * datasource configured, so no embedded database and no key of its own) but without the
 * settings that verify tokens: it refuses to start, naming them, before it touches a database.
 */
class VerificationRequiredIT {

    static final List<String> DATASOURCE = List.of("-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:1/liaison",
            "-Dquarkus.datasource.reactive.url=postgresql://127.0.0.1:1/liaison", "-Dquarkus.datasource.username=liaison");

    record Exit(int code, String output) {
    }

    static Exit run(String name, List<String> settings) throws Exception {
        String artifact = System.getProperty("liaison.it.artifact");
        List<String> command = new ArrayList<>();
        if (artifact.endsWith(".jar")) {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(settings);
            command.add("-jar");
            command.add(artifact);
        } else {
            command.add(artifact);
            command.addAll(settings);
        }
        File log = new File(new File(artifact).getParentFile(), name + ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(name + " did not stop by itself; see " + log);
        }
        return new Exit(p.exitValue(), Files.readString(log.toPath(), StandardCharsets.UTF_8));
    }

    @Test
    void withoutVerificationSettingsTheArtifactRefusesToStartNamingThem() throws Exception {
        Exit e = run("verification-required", DATASOURCE);
        assertEquals(2, e.code(), e.output());
        assertTrue(e.output().contains("Liaison verifies the bearer tokens that writes need"), e.output());
        assertTrue(e.output().contains("Set MP_JWT_VERIFY_PUBLICKEY_LOCATION (or MP_JWT_VERIFY_PUBLICKEY), MP_JWT_VERIFY_ISSUER"), e.output());
        assertFalse(e.output().contains("Listening on"), e.output());
    }

    @Test
    void aPartialSettingIsNamedToo() throws Exception {
        List<String> settings = new ArrayList<>(DATASOURCE);
        settings.add("-Dmp.jwt.verify.issuer=https://idp.example/realms/liaison");
        Exit e = run("verification-partial", settings);
        assertEquals(2, e.code(), e.output());
        assertTrue(e.output().contains("Set MP_JWT_VERIFY_PUBLICKEY_LOCATION (or MP_JWT_VERIFY_PUBLICKEY) (README"), e.output());
    }
}
