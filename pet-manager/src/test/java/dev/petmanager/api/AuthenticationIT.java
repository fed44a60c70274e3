package dev.petmanager.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class AuthenticationIT extends AuthenticationTest {
}
