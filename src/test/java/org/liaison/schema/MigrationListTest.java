package org.liaison.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.liaison.reference.ReferenceDataException;

class MigrationListTest {

    /**
     * Every .sql file under the folders of quarkus.flyway.locations (as application.properties names them; Flyway reads
     * them recursively), by its classpath path: db/migration from src/main/resources, analytics-sql/ from the top of the
     * repository (pom.xml copies it to the classpath).
     */
    static List<String> onDisk() throws IOException {
        java.util.Properties p = new java.util.Properties();
        try (var in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            p.load(in);
        }
        List<String> out = new java.util.ArrayList<>();
        for (String location : p.getProperty("quarkus.flyway.locations").split(",")) {
            String folder = location.strip().replaceFirst("^classpath:", "");
            Path root = Files.isDirectory(Path.of("src/main/resources", folder)) ? Path.of("src/main/resources") : Path.of("");
            try (Stream<Path> files = Files.walk(root.resolve(folder))) {
                files.filter(f -> f.toString().endsWith(".sql")).forEach(f -> out.add(root.relativize(f).toString().replace('\\', '/')));
            }
        }
        return out.stream().sorted().toList();
    }

    @Test
    void theListHasEveryMigrationFileAndNoOther() throws IOException {
        List<String> listed = MigrationList.packaged().stream().map(Migration::resource).sorted().toList();
        assertEquals(onDisk(), listed, "add the new migration to src/main/resources/" + MigrationList.FILE);
    }

    @Test
    void versionsAndRepeatablesAreTakenFromTheFileNames() {
        List<Migration> all = MigrationList.packaged();
        assertEquals("1", all.get(0).version());
        assertEquals("V1__schema.sql", all.get(0).script());
        Migration rollups = all.stream().filter(m -> m.script().equals("R__stats_rollups.sql")).findFirst().orElseThrow();
        assertNull(rollups.version());
        assertTrue(rollups.repeatable());
    }

    @Test
    void aNameFlywayWouldNotTakeIsAnErrorWithItsLine() {
        ReferenceDataException e = assertThrows(ReferenceDataException.class, () -> Migration.of("db/migration/X1_bad.sql", "db/migrations.txt:7"));
        assertTrue(e.getMessage().startsWith("db/migrations.txt:7: X1_bad.sql is neither"), e.getMessage());
        e = assertThrows(ReferenceDataException.class, () -> Migration.of("db/migration/V99__missing.sql", "db/migrations.txt:8"));
        assertTrue(e.getMessage().contains("db/migrations.txt:8: db/migration/V99__missing.sql not found"), e.getMessage());
    }

    @Test
    void theChecksumIgnoresLineBreaksAndAByteOrderMark() {
        int unix = Migration.checksum(new ByteArrayInputStream("select 1;\nselect 2;\n".getBytes(StandardCharsets.UTF_8)), "a");
        int windows = Migration.checksum(new ByteArrayInputStream("\uFEFFselect 1;\r\nselect 2;\r\n".getBytes(StandardCharsets.UTF_8)), "b");
        // as Flyway, only a mark before the first line is dropped
        int later = Migration.checksum(new ByteArrayInputStream("select 1;\n\uFEFFselect 2;\n".getBytes(StandardCharsets.UTF_8)), "d");
        assertTrue(later != unix);
        int other = Migration.checksum(new ByteArrayInputStream("select 1;\nselect 3;\n".getBytes(StandardCharsets.UTF_8)), "c");
        assertEquals(unix, windows);
        assertTrue(unix != other);
    }

    @Test
    void versionsCompareAsNumbers() {
        assertTrue(FlywayHistory.compareVersions("10", "9") > 0);
        assertTrue(FlywayHistory.compareVersions("1.2", "1.10") < 0);
        assertEquals(0, FlywayHistory.compareVersions("2", "2.0"));
    }
}
