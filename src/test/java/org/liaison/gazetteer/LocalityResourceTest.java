package org.liaison.gazetteer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LocalityResourceTest {

    @Test
    void vietnamHas63FormerAnd34CurrentUnitsWithTheMergerMapping() {
        given().get("/api/localities?country=VN").then().statusCode(200)
                .body("$", hasSize(63))
                .body("findAll { it.current }", hasSize(34))
                .body("findAll { !it.current }", hasSize(29))
                .body("findAll { !it.current }.valid_to", everyItem(equalTo("2025-06-30")))
                .body("find { it.code == 'VN-03' }.successor", equalTo("VN-07"))
                .body("find { it.code == 'VN-07' }.absorbed", equalTo(java.util.List.of("VN-03")))
                .body("find { it.code == 'VN-18' }.absorbed", containsInAnyOrder("VN-63", "VN-67"))
                .body("find { it.code == 'VN-SG' }.absorbed", containsInAnyOrder("VN-57", "VN-43"));
        given().get("/api/localities?country=VN&as_of=2025-06-30").then().body("$", hasSize(63));
        given().get("/api/localities?country=VN&as_of=2025-07-01").then().body("$", hasSize(34))
                .body("code", hasItem("VN-07"));
        given().get("/api/localities?country=CN").then()
                .body("findAll { it.level == 'province' }", hasSize(34))
                .body("find { it.code == 'CN-440100' }.parent", equalTo("CN-GD"));
    }

    @Test
    void namesWithAndWithoutDiacriticsFindTheSameUnit() {
        for (String q : new String[] { "ha noi", "Hanoi", "Hà Nội", "HA NOI CITY", "VN-HN" }) {
            given().queryParam("q", q).get("/api/localities").then().statusCode(200).body("[0].code", equalTo("VN-HN"));
        }
        given().queryParam("q", "Quảng Tây").get("/api/localities").then().body("[0].code", equalTo("CN-GX"));
        given().queryParam("q", "Guangxi Zhuang Autonomous Region").get("/api/localities").then().body("[0].code", equalTo("CN-GX"));
        given().queryParam("q", "Dongxing").get("/api/localities").then().body("[0].code", equalTo("CN-450600"));
        given().queryParam("q", "Ha Nam").get("/api/localities").then().body("code", hasItem("VN-63")).body("code", hasItem("CN-HA"));
        given().queryParam("q", "Ha Nam").queryParam("country", "CN").get("/api/localities").then().body("[0].code", equalTo("CN-HA"));
        given().queryParam("q", "Atlantis").get("/api/localities").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void countiesAndDistrictsFindTheirUnit() {
        given().queryParam("q", "Dongxing").get("/api/localities").then().statusCode(200)
                .body("[0].code", equalTo("CN-450600")).body("[0].name", equalTo("Fangchenggang"));
        given().queryParam("q", "Hekou").get("/api/localities").then().body("[0].code", equalTo("CN-532500"))
                .body("[0].parent", equalTo("CN-YN"));
        given().queryParam("q", "Mong Cai").get("/api/localities").then().body("[0].code", equalTo("VN-13"));
        given().queryParam("q", "Muong Te").get("/api/localities").then().body("[0].code", equalTo("VN-01"));
        given().queryParam("q", "Mường Tè").get("/api/localities").then().body("[0].code", equalTo("VN-01"));
        given().queryParam("q", "Honghe Hani and Yi Autonomous Prefecture").get("/api/localities").then()
                .body("[0].code", equalTo("CN-532500"));
    }

    @Test
    void everyChinesePrefectureLevelDivision() {
        given().get("/api/localities?country=CN").then().statusCode(200)
                .body("$", hasSize(367))
                .body("findAll { it.level == 'province' }", hasSize(34))
                .body("findAll { it.level == 'prefecture' }", hasSize(333))
                .body("find { it.code == 'CN-532500' }.name_en", equalTo("Honghe"));
    }

    @Test
    void oneUnitAndErrors() {
        given().get("/api/localities/vn-03").then().statusCode(200).body("name", equalTo("Hà Giang")).body("current", equalTo(false));
        given().get("/api/localities/VN-99").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/localities?country=FR").then().statusCode(400).body("errors[0].field", equalTo("country"));
        given().get("/api/localities?as_of=yesterday").then().statusCode(400).body("errors[0].field", equalTo("as_of"));
    }

    @Test
    void themesAndPeople() {
        given().get("/api/themes").then().statusCode(200).body("$", hasSize(21))
                .body("find { it.code == 'maritime' }.domain", equalTo("security"));
        given().get("/api/themes?domain=technology").then().body("code",
                containsInAnyOrder("science-technology", "digital-transformation", "artificial-intelligence"));
        given().get("/api/themes?domain=sport").then().statusCode(400).body("errors[0].field", equalTo("domain"));

        given().get("/api/people?q=Vuong Ho Ninh").then().statusCode(200).body("[0].name", equalTo("Wang Huning"));
        given().get("/api/people?q=nguyen xuan thang").then().body("[0].name", equalTo("Nguyễn Xuân Thắng"));
        given().get("/api/people?q=Ton Nghiep Le&side=CN").then().body("[0].name", equalTo("Sun Yeli"));
        given().get("/api/people?q=Sun Yeli&side=VN").then().body("$", hasSize(0));
        given().get("/api/people?limit=0").then().statusCode(400).body("errors[0].field", equalTo("limit"));
    }
}
