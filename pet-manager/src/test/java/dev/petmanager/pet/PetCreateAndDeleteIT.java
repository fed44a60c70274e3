package dev.petmanager.pet;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class PetCreateAndDeleteIT extends PetCreateAndDeleteTest {
}
