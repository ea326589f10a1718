package org.liaison.schema;

import java.util.ArrayList;
import java.util.List;
import org.liaison.reference.TsvFile;

/**
 * The migrations of this build, listed in {@value #FILE} (a native executable cannot list a
 * classpath folder at run time; MigrationListTest fails when the list and the migration folders
 * differ).
 */
public final class MigrationList {

    public static final String FILE = "db/migrations.txt";

    private MigrationList() {
    }

    public static List<Migration> packaged() {
        return read(FILE);
    }

    static List<Migration> read(String resource) {
        List<Migration> out = new ArrayList<>();
        for (TsvFile.Row row : TsvFile.read(resource, 1, 1)) {
            out.add(Migration.of(row.cell(0), row.file() + ":" + row.line()));
        }
        return out;
    }
}
