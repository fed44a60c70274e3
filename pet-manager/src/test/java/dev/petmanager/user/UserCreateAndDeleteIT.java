package dev.petmanager.user;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class UserCreateAndDeleteIT extends UserCreateAndDeleteTest {
}
