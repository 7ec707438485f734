package org.soundwave.platform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The API contract the WAR serves at /openapi (META-INF/openapi.yaml), as the tests read it. */
public final class ApiContract {

    private static final String RESOURCE = "/META-INF/openapi.yaml";

    private ApiContract() {
    }

    /** The contract as a tree. */
    public static JsonNode read() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(text());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The contract as written. */
    public static String text() {
        try (InputStream in = ApiContract.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new AssertionError(RESOURCE + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
