package org.liaison;

import org.liaison.auth.TestTokens;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service (the jar, or the native executable when failsafe runs the *IT suites
 * against it) started by a test as an operator starts it, with the settings given as system
 * properties on its command line; its output goes to target/{name}.log. With no settings the
 * default jar starts its own embedded database, as {@code java -jar} does.
 */
public final class ServiceProcess implements AutoCloseable {

    public final String name;
    public final int port;
    public final File log;
    private final Process process;
    private final HttpClient probe = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private ServiceProcess(String name, int port, File log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** The artifact under test: failsafe names it; a plain test run (the benchmarks) takes the packaged jar. */
    public static String artifact() {
        return System.getProperty("liaison.it.artifact", "target/quarkus-app/quarkus-run.jar");
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The datasource settings of a PostgreSQL on 127.0.0.1:{@code port} (ItDatabase's user and password). */
    public static Map<String, String> datasource(int port) {
        String address = "127.0.0.1:" + port + "/postgres";
        return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + address,
                "quarkus.datasource.reactive.url", "postgresql://" + address,
                "quarkus.datasource.username", ItDatabase.USER,
                "quarkus.datasource.password", ItDatabase.PASSWORD);
    }

    /**
     * Starts the artifact; {@code jvmOptions} apply to the jar only. Does not wait for it. It
     * verifies the tests' tokens ({@link TestTokens#settings()}, unless {@code settings} say otherwise),
     * so a {@link org.liaison.exchange.ServiceClient} may write.
     */
    public static ServiceProcess start(String name, Map<String, String> settings, List<String> jvmOptions) {
        return start(name, settings, jvmOptions, List.of());
    }

    /** As {@link #start(String, Map, List)}, with program arguments after the artifact (e.g. {@code migrate}). */
    public static ServiceProcess start(String name, Map<String, String> settings, List<String> jvmOptions, List<String> arguments) {
        String artifact = artifact();
        int port = freePort();
        List<String> properties = new ArrayList<>();
        properties.add("-Dquarkus.http.port=" + port);
        Map<String, String> all = new java.util.TreeMap<>(TestTokens.settings());
        all.putAll(settings);
        all.forEach((k, v) -> properties.add("-D" + k + "=" + v));
        List<String> command = new ArrayList<>();
        if (artifact.endsWith(".jar")) {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.addAll(properties);
            command.add("-jar");
            command.add(artifact);
        } else {
            command.add(artifact);
            command.addAll(properties);
        }
        command.addAll(arguments);
        File parent = new File(artifact).getAbsoluteFile().getParentFile(); // target/quarkus-app, or target for the native runner
        File log = new File(artifact.endsWith(".jar") ? parent.getParentFile() : parent, name + ".log");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
            return new ServiceProcess(name, port, log, p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + artifact, e);
        }
    }

    public URI uri() {
        return URI.create("http://localhost:" + port + "/");
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** The HTTP status of GET /q/health/ready, or -1 while nothing listens. */
    public int ready() {
        try {
            return probe.send(HttpRequest.newBuilder(uri().resolve("/q/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * Waits until /q/health/ready answers 200. Fails if the process exits first or {@code patience}
     * passes; the message carries the end of the log.
     */
    public ServiceProcess awaitReady(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (ready() != 200) {
            if (!alive()) {
                throw new AssertionError(name + " exited (status " + process.exitValue() + ") before it was ready:\n" + tail(30));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " is not ready after " + patience.toSeconds() + " s:\n" + tail(30));
            }
            Thread.sleep(100);
        }
        return this;
    }

    /** Waits for the process to exit and returns its status; fails if it still runs after {@code patience}. */
    public int awaitExit(Duration patience) throws InterruptedException {
        if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " still runs after " + patience.toSeconds() + " s:\n" + tail(30));
        }
        return process.exitValue();
    }

    public String output() {
        try {
            return Files.readString(log.toPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first ERROR line of the log (what stopped a start, usually), or "". */
    public String firstError() {
        return output().lines().filter(l -> l.contains(" ERROR ")).findFirst().orElse("");
    }

    /** The last lines of the log, for a failure message. */
    public String tail(int lines) {
        List<String> all = output().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size())) + "\n(whole log: " + log + ")";
    }

    /** SIGTERM, as a service manager stops it. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
