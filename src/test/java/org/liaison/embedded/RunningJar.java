package org.liaison.embedded;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.specification.RequestSpecification;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged default jar started as a user would: {@code java -jar}, no datasource settings,
 * only its own HTTP port; its output goes to target/{name}.log. Its requests carry the admin
 * token the jar logged (it made its own signing key), unless sent {@link #anonymous()}.
 */
final class RunningJar implements AutoCloseable {

    static final Pattern EMBEDDED_PORT = Pattern.compile("Embedded PostgreSQL started on port (\\d+)");
    static final Pattern ADMIN_TOKEN = Pattern.compile("Admin token: (\\S+)");
    static final Pattern TOKEN_FILE = Pattern.compile("TOKEN=\\$\\(cat (\\S+)\\)");

    final String name;
    final int port;
    final File log;
    private final Process process;

    private RunningJar(String name, int port, File log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    static RunningJar start(String name) throws IOException {
        String artifact = System.getProperty("liaison.it.artifact");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        File log = new File(new File(artifact).getParentFile().getParentFile(), name + ".log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port, "-jar", artifact)
                .redirectErrorStream(true).redirectOutput(log).start();
        return new RunningJar(name, port, log, process);
    }

    RunningJar awaitReady() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            assertTrue(process.isAlive(), name + " stopped; see " + log);
            assertTrue(System.currentTimeMillis() < deadline, name + " is not ready; see " + log);
            try {
                if (anonymous().get("/q/health/ready").statusCode() == 200) {
                    return this;
                }
            } catch (Exception notYet) { // RestAssured rethrows ConnectException unchecked
                // not listening yet
            }
            Thread.sleep(200);
        }
    }

    RequestSpecification http() {
        try {
            return anonymous().auth().oauth2(adminToken());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    RequestSpecification anonymous() {
        return given().port(port).auth().none();
    }

    /** The admin token the jar logged. */
    String adminToken() throws IOException {
        Matcher m = ADMIN_TOKEN.matcher(output());
        assertTrue(m.find(), name + " logged no admin token; see " + log);
        return m.group(1);
    }

    /** The file the jar wrote its admin token to, as it logged it. */
    Path tokenFile() throws IOException {
        Matcher m = TOKEN_FILE.matcher(output());
        assertTrue(m.find(), name + " logged no token file; see " + log);
        return Path.of(m.group(1));
    }

    /** The port of the embedded server, as the jar logged it. */
    int databasePort() throws IOException {
        Matcher m = EMBEDDED_PORT.matcher(output());
        assertTrue(m.find(), name + " logged no embedded server; see " + log);
        return Integer.parseInt(m.group(1));
    }

    String output() throws IOException {
        return Files.readString(log.toPath());
    }

    /** Stops the jar as a service manager would (SIGTERM) and returns all it logged. */
    String stop() throws IOException, InterruptedException {
        process.destroy();
        assertTrue(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), name + " did not stop");
        return output();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    /** What a clean shutdown does not log. */
    static final List<String> SHUTDOWN_NOISE = List.of("PgException", "terminating connection", "Lost the",
            "Could not stop postmaster", "SocketException");
}
