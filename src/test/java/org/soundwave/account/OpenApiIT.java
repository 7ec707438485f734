package org.soundwave.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.soundwave.platform.TestCluster;
import org.soundwave.platform.api.ApiContract;

/**
 * /openapi serves the contract (META-INF/openapi.yaml) as written, in YAML and in JSON: nothing added by
 * the runtime (Payara's non-standard endpoints key, default servers), nothing lost in its reading.
 */
class OpenApiIT {

    @Test
    void theServedDocumentIsTheContract() throws Exception {
        JsonNode contract = ApiContract.read();
        TestCluster cluster = TestCluster.get();
        HttpResponse<String> yaml = cluster.get(cluster.url("/openapi"));
        assertEquals(200, yaml.statusCode());
        JsonNode servedYaml = new ObjectMapper(new YAMLFactory()).readTree(yaml.body());
        assertFalse(servedYaml.has("endpoints"), "no key OpenAPI does not have");
        assertEquals(contract, servedYaml);
        HttpResponse<String> json = cluster.get(cluster.url("/openapi?format=JSON"));
        assertEquals(200, json.statusCode());
        assertEquals(contract, new ObjectMapper().readTree(json.body()));
    }
}
