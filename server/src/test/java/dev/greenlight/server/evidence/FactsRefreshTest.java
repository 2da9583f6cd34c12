package dev.greenlight.server.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.greenlight.server.testing.HttpResult;
import dev.greenlight.server.testing.IntegrationTest;

/** Facts stored in an older shape are derived again from the original bytes at start. */
class FactsRefreshTest extends IntegrationTest {

    @Autowired
    FactsRefresh refresh;

    @Autowired
    JdbcClient jdbc;

    @Test
    void rowsOfAnOlderFactsVersionAreDerivedAgainFromTheirBlob() {
        String project = fixtures.project();
        fixtures.release(project, "1.0.0");
        String release = "/api/v1/projects/" + project + "/releases/1.0.0";
        HttpResult uploaded = admin().postBytes(release + "/evidence", EvidenceFiles.trivy(), "application/json");
        assertThat(uploaded.status()).isEqualTo(201);
        String id = uploaded.json().get("id").asString();
        Map<String, Object> before = admin().get(release + "/evidence/" + id).json().get("facts").properties().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().toString()));

        // What a row written by an older release of Greenlight looks like to today's code: a shape it cannot read.
        jdbc.sql("update evidence set facts = '{\"old\": true}'::jsonb, facts_version = 1, summary = '{}'::jsonb where id = cast(:id as uuid)")
                .param("id", id).update();
        refresh.run(null);

        assertThat(jdbc.sql("select facts_version from evidence where id = cast(:id as uuid)").param("id", id).query(Integer.class).single())
                .isEqualTo(StoredFacts.VERSION);
        Map<String, Object> after = admin().get(release + "/evidence/" + id).json().get("facts").properties().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().toString()));
        assertThat(after).isEqualTo(before);
        assertThat(admin().get(release + "/evidence").json().get("items").get(0).get("summary").get("total").asLong()).isEqualTo(2);
        assertThat(List.of(admin().get(release + "/facts").status())).containsExactly(200);
    }
}
