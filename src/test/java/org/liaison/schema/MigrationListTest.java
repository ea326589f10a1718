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

    /** The folders of quarkus.flyway.locations, as the build copies them to the classpath. */
    static List<String> onDisk() throws IOException {
        try (Stream<Path> v = Files.list(Path.of("src/main/resources/db/migration"));
                Stream<Path> r = Files.list(Path.of("analytics-sql/views"))) {
            return Stream.concat(v.map(p -> "db/migration/" + p.getFileName()), r.map(p -> "analytics-sql/views/" + p.getFileName()))
                    .filter(s -> s.endsWith(".sql")).sorted().toList();
        }
    }

    @Test
    void theListHasEveryMigrationFileAndNoOther() throws IOException {
        List<String> listed = MigrationList.packaged().stream()
                .map(m -> (m.repeatable() ? "analytics-sql/views/" : "db/migration/") + m.script()).sorted().toList();
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
        int other = Migration.checksum(new ByteArrayInputStream("select 1;\nselect 3;\n".getBytes(StandardCharsets.UTF_8)), "c");
        assertEquals(unix, windows);
        assertTrue(unix != other);
    }

    @Test
    void versionsCompareAsNumbers() {
        assertTrue(SchemaVersionCheck.compareVersions("10", "9") > 0);
        assertTrue(SchemaVersionCheck.compareVersions("1.2", "1.10") < 0);
        assertEquals(0, SchemaVersionCheck.compareVersions("2", "2.0"));
    }
}
