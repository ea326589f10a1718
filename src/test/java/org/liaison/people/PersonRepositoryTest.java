package org.liaison.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The Panache repository against the real database, on a Vert.x context as in production. */
@QuarkusTest
class PersonRepositoryTest {

    @Inject
    PersonRepository people;

    @Test
    @RunOnVertxContext
    void findsChineseNamesByTheirVietnameseTransliteration(UniAsserter asserter) {
        asserter.assertThat(() -> people.search("Vương Hộ Ninh", null, 10), list -> {
            assertEquals(1, list.size());
            assertEquals("Wang Huning", list.get(0).name);
            assertTrue(list.get(0).aliases.stream().anyMatch(a -> a.alias.equals("Vuong Hu Ninh")));
        });
        asserter.assertThat(() -> people.search("xuan", "VN", 10),
                list -> assertTrue(list.stream().allMatch(p -> p.side.strip().equals("VN")) && !list.isEmpty()));
        asserter.assertThat(() -> people.search("zzzz", null, 10), list -> assertEquals(0, list.size()));
    }
}
