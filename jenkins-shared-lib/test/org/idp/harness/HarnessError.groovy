package org.idp.harness

/** The library did something the harness cannot stand in for; it ends the test instead of failing the build. */
class HarnessError extends Error {
    HarnessError(String message) {
        super(message)
    }
}
