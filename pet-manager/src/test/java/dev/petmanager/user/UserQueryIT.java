package dev.petmanager.user;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class UserQueryIT extends UserQueryTest {
}
