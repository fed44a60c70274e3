package dev.petmanager.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class EmailConflictIT extends EmailConflictTest {
}
