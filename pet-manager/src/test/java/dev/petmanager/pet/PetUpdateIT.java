package dev.petmanager.pet;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class PetUpdateIT extends PetUpdateTest {
}
